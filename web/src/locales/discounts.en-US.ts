// Discount rules and the discounts shown on bills and bill runs (spread into en-US.ts).
import type zh from './discounts.zh-CN'
import type { discountServer as zhServer, discountAudit as zhAudit, discountFieldError as zhField } from './discounts.zh-CN'

const en: typeof zh = {
  discounts: {
    tabItems: 'Fee items', tab: 'Discounts', newRule: 'New discount', editRule: 'Edit discount',
    name: 'Name', feeItem: 'Fee item', rate: 'Discount', rateInput: 'Percentage off',
    zhe: 'pays {paid}%', off: '{pct}% off', rateHint: 'A percentage with at most 2 decimals: 10 means 10% off',
    ratePreview: 'Bills {paid}% of the price ({zhe} 折)', invalidRate: 'Enter a percentage from 0.01 to 100 with at most 2 decimals',
    periods: 'Periods', periodFrom: 'From month', periodTo: 'To month', openEnded: 'Open-ended', fromOn: 'from {from}',
    active: 'Active', switchedOn: '“{name}” switched on', switchedOff: '“{name}” switched off',
    chooseFeeItem: 'Choose a fee item', chooseProject: 'Choose a project first', noFeeItems: 'The project has no fee items',
    hint: 'A discount applies to bills made afterwards only; bills already made stay as they are. When several rules apply to a fee item, the highest discount wins.',
    fixedOnEdit: 'Fixed once created',
    discount: 'Discount', runDiscount: 'Discounts', ownerDiscount: 'Discount -{amount}',
  },
}
export default en

export const discountServer: typeof zhServer = { discount_not_found: 'Discount rule not found' }

export const discountAudit: typeof zhAudit = {
  billing_discount_rule_create: 'Create discount rule', billing_discount_rule_update: 'Change discount rule',
}

export const discountFieldError: typeof zhField = { before_period_from: 'Must not be before the from month' }
