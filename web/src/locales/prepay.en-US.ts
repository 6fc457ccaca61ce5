// Prepay offers (discount rules of kind prepay) and prepaying months ahead at the cashier
// desk (spread into en-US.ts).
import type zh from './prepay.zh-CN'
import type { prepayServer as zhServer, prepayAudit as zhAudit, prepayFieldError as zhField } from './prepay.zh-CN'

const en: typeof zh = {
  prepay: {
    kind: 'Kind', kinds: { percent: 'Percentage', prepay: 'Prepay offer' },
    offer: 'Prepay {paid} months, {free} free', monthsPaid: 'Months prepaid', monthsFree: 'Months free', monthsUnit: 'months',
    offerHint: 'Prepaying {paid} months at once at the cashier desk makes the last {free} free ({free} for every {paid} months); the prepayment must start within the periods.',
    invalidMonthsPaid: 'Enter a whole number from 2 to 36', invalidMonthsFree: 'Enter a whole number from 1 to {max}',
    button: 'Prepay', title: 'Prepay · {house}', feeItem: 'Fee item', months: 'Months', chooseFeeItem: 'Choose a fee item',
    noFeeItems: 'No fee item of this house can be prepaid (metered items cannot)',
    invalidMonths: 'Enter a whole number from 1 to 36', quote: 'Quote', quoteFirst: 'Choose the fee item and months, then Quote to see the months',
    period: 'Period', amount: 'Amount', free: 'Free', total: 'Total', discount: 'Discount', offerName: 'Offer', noOffer: 'No prepay offer',
    shortened: 'The charging standard ends after {last}: {months} months only',
    confirm: 'Take {amount}', done: 'Prepayment taken', receipt: 'Receipt', receiptPdf: 'Receipt PDF',
    paymentNumber: 'Payment', close: 'Done',
  },
}
export default en

export const prepayServer: typeof zhServer = {
  prepay_not_applicable: 'This fee item cannot be prepaid for the house (not active, metered, or not of its kind)',
}

export const prepayAudit: typeof zhAudit = { billing_prepayment_create: 'Prepayment' }

export const prepayFieldError: typeof zhField = { not_applicable: 'Cannot be prepaid' }
