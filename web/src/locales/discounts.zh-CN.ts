// 优惠规则 and the discounts shown on bills and bill runs (spread into zh-CN.ts).
export default {
  discounts: {
    tabItems: '收费项目', tab: '优惠规则', newRule: '新建优惠', editRule: '编辑优惠',
    name: '规则名称', feeItem: '收费项目', rate: '优惠', rateInput: '减免比例',
    zhe: '{zhe} 折', off: '减 {pct}%', rateHint: '按百分比填写，最多两位小数：10 即减 10%（九折）',
    ratePreview: '即 {zhe} 折，按原价的 {paid}% 收取', invalidRate: '请输入 0.01–100 之间、最多两位小数的百分比',
    periods: '适用账期', periodFrom: '起始月份', periodTo: '结束月份', openEnded: '长期有效', fromOn: '{from} 起',
    active: '启用', switchedOn: '“{name}”已启用', switchedOff: '“{name}”已停用',
    chooseFeeItem: '请选择收费项目', chooseProject: '请先选择项目', noFeeItems: '该项目没有收费项目',
    hint: '优惠只作用于之后生成的账单，已出账单不变；同一收费项目有多条规则适用时取最高的优惠。',
    fixedOnEdit: '创建后不可修改',
    // On bills and bill runs.
    discount: '优惠', runDiscount: '优惠合计', ownerDiscount: '优惠 -{amount}',
  },
}

/** Server error keys (spread into server.billing). */
export const discountServer = { discount_not_found: '优惠规则不存在' }

/** Audit actions (spread into auditAction). */
export const discountAudit = {
  billing_discount_rule_create: '新建优惠规则', billing_discount_rule_update: '修改优惠规则',
}

/** Field error codes (spread into fieldError). */
export const discountFieldError = { before_period_from: '结束月份不能早于起始月份' }
