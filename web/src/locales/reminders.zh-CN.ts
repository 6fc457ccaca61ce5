// 催缴 / 催收 / 消息 (reminders, collection follow-ups, the outbox, in-app messages).
export default {
  remind: {
    menu: '催缴管理', tabRules: '催缴规则', tabOutbox: '消息发件箱', tabAssignments: '催收任务',
    newRule: '新建规则', editRule: '编辑规则', name: '规则名称', offset: '触发时间', channels: '发送渠道',
    template: '消息模板', active: '启用', offsetBefore: '到期前 {n} 天', offsetAfter: '逾期 {n} 天',
    offsetOn: '到期当天', offsetHint: '负数为到期前，正数为逾期后（天）',
    templateHint: '可用占位符：{placeholders}', channelNames: { sms: '短信', in_app: '站内消息' },
    confirmDeleteRule: '确定删除规则“{name}”吗？已发送过的规则只能停用。',
    runNow: '立即执行', runAsOf: '执行日期', runDone: '已发送 {reminders} 条催缴（{messages} 条消息），分派 {assigned} 户，关闭 {closed} 户',
    collectionSetting: '逾期分派', assignAfter: '逾期满 {n} 天分派给催收专员', assignAfterLabel: '逾期天数',
    notSet: '未设置', saveSetting: '保存设置',
    outboxLocal: '未配置短信服务：短信只保存在本地发件箱', outboxHttp: '短信经短信服务商发送',
    recipient: '接收人', text: '内容', attempts: '尝试次数', sentAt: '发送时间', lastError: '失败原因',
    statuses: { queued: '待发送', sent: '已发送', failed: '发送失败', open: '跟进中', closed: '已结清' },
    transports: { http: '短信服务商', local: '本地发件箱', in_app: '站内' },
    house: '房屋', assignee: '催收专员', overdue: '逾期欠费', oldestDue: '最早到期', followUps: '跟进次数',
    lastFollowUp: '最近跟进', openedAt: '分派时间', reassign: '改派', reassignTo: '改派给',
    followUpLog: '跟进记录', addFollowUp: '添加跟进', method: '方式', outcome: '跟进结果',
    promisedDate: '承诺缴费日', promisedAmount: '承诺金额（元）', noFollowUps: '暂无跟进记录',
    methods: { call: '电话', visit: '上门', sms: '短信', other: '其他' }, saved: '已保存',
    outcomeRequired: '请填写跟进结果', amountInvalid: '请输入正确的金额',
  },
  collect: {
    title: '催收跟进', tab: '催收', empty: '暂无分派给你的欠费房屋', overdueAmount: '逾期欠费 {amount}',
    since: '自 {date} 起欠费', closed: '已结清',
  },
  messages: {
    title: '消息', tab: '消息', empty: '暂无消息', unread: '未读', markAll: '全部已读',
  },
}

export const reminderServer = {
  billing: {
    reminder_rule_not_found: '催缴规则不存在', reminder_rule_name_taken: '该项目下已有同名规则',
    reminder_rule_in_use: '该规则已发送过催缴，只能停用', collection_assignment_not_found: '催收任务不存在',
    collection_assignment_closed: '该房屋已结清，任务已关闭',
  },
  notify: { message_not_found: '消息不存在' },
}

export const reminderFieldErrors = {
  unknown_placeholder: '模板中有未知的占位符', unbalanced_brace: '模板中的花括号不成对',
  not_collector: '该员工不是本项目的催收专员', duplicate: '重复',
}

export const reminderAuditActions = {
  billing_reminder_rule_create: '创建催缴规则', billing_reminder_rule_update: '修改催缴规则',
  billing_reminder_rule_delete: '删除催缴规则', billing_reminder_run: '催缴任务',
  billing_collection_setting_put: '修改催收设置', billing_collection_assign: '分派催收',
  billing_collection_reassign: '改派催收', billing_collection_close: '催收结清',
  billing_collection_follow_up: '催收跟进', notify_outbox_deliver: '发送消息', notify_message_read: '阅读消息',
}
