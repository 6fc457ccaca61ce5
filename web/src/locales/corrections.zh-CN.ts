// 调账、退款、审批中心、收费设置 (spread into zh-CN.ts).
export default {
  corrections: {
    menu: { approvals: '审批中心', settings: '收费设置' },
    adjustments: '调账', refunds: '退款', creditNote: '冲减', lateFeeWaiver: '减免滞纳金', refund: '退款',
    kinds: { credit_note: '冲减', write_off: '坏账核销', late_fee_waiver: '滞纳金减免' },
    writeOff: '坏账核销', writeOffHint: '将仍欠的本金作为坏账核销，计入坏账损失；已缴部分不变。', writable: '可核销 {amount}',
    adjustmentStatuses: { pending: '待审批', applied: '已生效', rejected: '已驳回' },
    refundStatuses: { pending: '待审批', processing: '退款中', refunded: '已退款', rejected: '已驳回', failed: '退款失败' },
    channels: { cash: '现金', pos: 'POS', transfer: '转账', cheque: '支票', wechat: '微信支付', alipay: '支付宝' },
    amount: '金额（元）', amountColumn: '金额', reason: '原因', reasonHint: '请写明原因（2–200 字）', reasonInvalid: '原因需 2–200 个字',
    amountInvalid: '请输入大于 0、最多两位小数的金额', amountTooLarge: '最多 {max}',
    bill: '账单', house: '房屋', requester: '申请人', requestedAt: '申请时间', decider: '审批人', decidedAt: '审批时间',
    decisionNote: '审批意见', approve: '通过', reject: '驳回', approveTitle: '通过申请', rejectTitle: '驳回申请',
    approveNote: '审批意见（可选）', approved: '已通过', rejected: '已驳回', submitted: '已提交，等待审批',
    applied: '已生效', selfHint: '自己的申请需由他人审批',
    adjustTitle: '{kind}：{number}', creditHint: '冲减本金不修改原账单；已缴部分转入预存余额。',
    waiverHint: '减免尚未缴纳的滞纳金。', creditable: '可冲减 {amount}', waivable: '可减免 {amount}',
    thresholdHint: '超过 {amount} 需他人审批', refundTitle: '退款：{house}', refundable: '预存余额 {amount}',
    refundPayment: '原路退回（可选）', refundPaymentHint: '选择微信/支付宝收款则原路退回，否则现金退款',
    refundSubmitted: '退款已提交，等待审批', refundDone: '已退款', payment: '收款单', channel: '渠道',
    failure: '失败原因', noPending: '没有待审批的申请',
    settingsTitle: '收费设置', threshold: '审批阈值（元）',
    thresholdHelp: '调账或退款金额超过此值时，需由另一位有审批权限的人员审批。',
    allocationOrder: '收款冲抵顺序', allocationOrders: { late_fees_first: '先滞纳金，再按账期从早到晚冲抵本金', principal_first: '按账期从早到晚，逐张先本金后滞纳金' },
    autoApply: '账单生成时自动使用预存余额', settingsSaved: '收费设置已保存', readOnly: '仅总部可修改收费设置',
  },
}

export const correctionServer = {
  approval_not_pending: '该申请已处理，请刷新', approval_by_requester: '不能审批自己的申请，请由他人审批',
  adjustment_not_found: '调账申请不存在', bill_not_found: '账单不存在',
  adjustment_exceeds_open: '金额超过该账单当前可调整的金额', refund_not_found: '退款申请不存在',
  payment_not_found: '收款记录不存在', refund_exceeds_balance: '金额超过预存余额',
  refund_exceeds_payment: '金额超过该笔收款可退金额', refund_refused_by_provider: '支付平台拒绝退款',
  refund_provider_unavailable: '支付平台暂无确认结果，请稍后再次审批重试', pay_refund_refused: '支付平台拒绝退款',
}

export const correctionAudit = {
  billing_settings_update: '修改收费设置', billing_adjustment_request: '申请调账',
  billing_adjustment_approve: '通过调账', billing_adjustment_reject: '驳回调账',
  billing_refund_request: '申请退款', billing_refund_approve: '通过退款', billing_refund_reject: '驳回退款',
  billing_refund_complete: '退款完成', billing_refund_fail: '退款失败',
}

export const correctionFieldError = { too_large: '超过可用金额' }
