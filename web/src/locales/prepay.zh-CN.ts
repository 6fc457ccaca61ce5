// 预缴: prepay offers (优惠规则 of kind prepay) and prepaying months ahead at the cashier desk
// (spread into zh-CN.ts).
export default {
  prepay: {
    // 优惠规则
    kind: '优惠类型', kinds: { percent: '折扣', prepay: '预缴优惠' },
    offer: '预缴 {paid} 个月送 {free} 个月', monthsPaid: '预缴月数', monthsFree: '赠送月数', monthsUnit: '个月',
    offerHint: '在收银台一次预缴满 {paid} 个月，最后 {free} 个月免收（每满 {paid} 个月送 {free} 个月）；预缴的起始月份须在适用账期内。',
    invalidMonthsPaid: '请输入 2–36 之间的整数', invalidMonthsFree: '请输入 1 到 {max} 之间的整数',
    // 收银台
    button: '预缴', title: '预缴 · {house}', feeItem: '收费项目', months: '预缴月数', chooseFeeItem: '请选择收费项目',
    noFeeItems: '该房屋没有可预缴的收费项目（按表计量的项目不能预缴）',
    invalidMonths: '请输入 1–36 之间的整数', quote: '报价', quoteFirst: '选好收费项目和月数后点“报价”查看明细',
    period: '账期', amount: '应收', free: '赠送', total: '合计', discount: '优惠', offerName: '优惠活动', noOffer: '无预缴优惠',
    shortened: '收费标准在 {last} 后结束，只能预缴 {months} 个月',
    confirm: '确认收款 {amount}', done: '预缴成功', receipt: '收据号', receiptPdf: '查看收据 PDF',
    paymentNumber: '收款单号', close: '完成',
  },
}

/** Server error keys (spread into server.billing). */
export const prepayServer = { prepay_not_applicable: '该收费项目不能为此房屋预缴（未启用、按表计量或不适用于该房屋类型）' }

/** Audit actions (spread into auditAction). */
export const prepayAudit = { billing_prepayment_create: '预缴收款' }

/** Field error codes (spread into fieldError). */
export const prepayFieldError = { not_applicable: '不能预缴' }
