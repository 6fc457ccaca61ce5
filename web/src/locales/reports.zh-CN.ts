// 报表, 缴费 (/owner) and 抄表 rounds (/staff): spread into zh-CN.ts.
export default {
  reports: {
    menu: '收费报表', collectionTitle: '收缴报表', dailyTitle: '收费日报', from: '开始月份', to: '结束月份',
    month: '月份', receivable: '应收', received: '实收', arrears: '欠收', rate: '当期收缴率', recovered: '清欠',
    recoveryRate: '清欠率', trendTitle: '按月趋势（应收 / 实收 / 收缴率）', none: '所选月份没有账单',
    exportExcel: '导出 Excel', total: '合计', noDaily: '当日没有应收、实收或欠收',
    dailyHint: '应收为当日生成的账单；实收为当日收款（含转入预存）；欠收为当日日终尚未结清的金额。',
    daily: { billed: '应收', late_fees: '滞纳金', received: '实收', to_prepayment: '转预存', arrears: '日终欠收' },
  },
  ownerPay: {
    title: '缴费', payNow: '去缴费', pickBills: '选择要缴的账单', channel: '支付方式',
    payAmount: '确认支付 {amount}', simulate: '模拟支付',
    simulatorNote: '演示环境：没有连接真实的微信支付 / 支付宝，点击“模拟支付”由支付平台模拟器完成付款并回调通知。',
    stillPending: '暂未收到支付结果，请稍后再查。', checkAgain: '再次查询', paid: '支付成功',
    toReceipts: '查看收据', toBills: '返回我的账单', payMore: '继续缴费',
    receiptsTitle: '我的收据', receipts: '收据', noReceipts: '暂无收据', pdf: '查看 PDF',
  },
  meterRound: {
    title: '抄表', tools: '常用工具', tileHint: '按楼栋巡回抄表', noProjects: '没有抄表权限的项目',
    building: '选择楼栋', period: '抄表月份', progress: '进度', doneOf: '已抄 {done} / {n}',
    noMeters: '该楼栋没有表具', finished: '{period} 本楼栋已全部抄完', shared: '公摊表',
    previous: '上次读数', enter: '输入本次读数', submit: '提交', skip: '跳过',
    saved: '{meter} 已提交，用量 {use}', heldForReview: '{meter} 用量 {use} 异常偏高，已提交并待审核，暂不计费',
    below: '读数小于上次读数 {previous}，未保存。请核对；如表具翻转或更换，请联系管理员。',
    invalid: '请输入最多两位小数的读数', route: '本楼栋路线', read: '已抄', unread: '未抄',
  },
}
