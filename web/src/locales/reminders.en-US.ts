// Reminders, collection follow-ups, the outbox and in-app messages. Typed against zh-CN.
import type zh from './reminders.zh-CN'
import type { reminderServer as zhServer, reminderFieldErrors as zhFields, reminderAuditActions as zhAudit } from './reminders.zh-CN'

const en: typeof zh = {
  remind: {
    menu: 'Reminders', tabRules: 'Reminder rules', tabOutbox: 'Outbox', tabAssignments: 'Collection',
    newRule: 'New rule', editRule: 'Edit rule', name: 'Name', offset: 'When', channels: 'Channels',
    template: 'Template', active: 'Active', offsetBefore: '{n} days before due', offsetAfter: '{n} days overdue',
    offsetOn: 'On the due date', offsetHint: 'Negative: before the due date; positive: after it (days)',
    templateHint: 'Placeholders: {placeholders}', channelNames: { sms: 'SMS', in_app: 'In-app' },
    confirmDeleteRule: 'Delete the rule “{name}”? A rule that has sent reminders can only be deactivated.',
    runNow: 'Run now', runAsOf: 'Day', runDone: '{reminders} reminders sent ({messages} messages), {assigned} houses assigned, {closed} closed',
    collectionSetting: 'Collection', assignAfter: 'Assign to a collector after {n} days overdue', assignAfterLabel: 'Days overdue',
    notSet: 'Not set', saveSetting: 'Save',
    outboxLocal: 'No SMS provider configured: SMS stay in the local outbox', outboxHttp: 'SMS go out through the provider',
    recipient: 'Recipient', text: 'Text', attempts: 'Attempts', sentAt: 'Sent', lastError: 'Error',
    statuses: { queued: 'Queued', sent: 'Sent', failed: 'Failed', open: 'Open', closed: 'Paid' },
    transports: { http: 'SMS provider', local: 'Local outbox', in_app: 'In-app' },
    house: 'House', assignee: 'Collector', overdue: 'Overdue', oldestDue: 'Oldest due', followUps: 'Follow-ups',
    lastFollowUp: 'Last follow-up', openedAt: 'Assigned', reassign: 'Reassign', reassignTo: 'Reassign to',
    followUpLog: 'Follow-ups', addFollowUp: 'Add follow-up', method: 'Method', outcome: 'Outcome',
    promisedDate: 'Promised date', promisedAmount: 'Promised amount (CNY)', noFollowUps: 'No follow-ups yet',
    methods: { call: 'Call', visit: 'Visit', sms: 'SMS', other: 'Other' }, saved: 'Saved',
    outcomeRequired: 'Enter the outcome', amountInvalid: 'Enter a valid amount',
  },
  collect: {
    title: 'Collection', tab: 'Collection', empty: 'No overdue houses assigned to you', overdueAmount: 'Overdue {amount}',
    since: 'Owing since {date}', closed: 'Paid',
  },
  messages: {
    title: 'Messages', tab: 'Messages', empty: 'No messages', unread: 'Unread', markAll: 'Mark all read',
  },
}
export default en

export const reminderServer: typeof zhServer = {
  billing: {
    reminder_rule_not_found: 'Reminder rule not found', reminder_rule_name_taken: 'A rule with this name exists in the project',
    reminder_rule_in_use: 'The rule has sent reminders; deactivate it instead', collection_assignment_not_found: 'Collection assignment not found',
    collection_assignment_closed: 'The house has paid; the assignment is closed',
  },
  notify: { message_not_found: 'Message not found' },
}

export const reminderFieldErrors: typeof zhFields = {
  unknown_placeholder: 'Unknown placeholder in the template', unbalanced_brace: 'Unbalanced braces in the template',
  not_collector: 'Not a collector of this project', duplicate: 'Duplicate',
}

export const reminderAuditActions: typeof zhAudit = {
  billing_reminder_rule_create: 'Create reminder rule', billing_reminder_rule_update: 'Change reminder rule',
  billing_reminder_rule_delete: 'Delete reminder rule', billing_reminder_run: 'Reminder job',
  billing_collection_setting_put: 'Change collection setting', billing_collection_assign: 'Assign collection',
  billing_collection_reassign: 'Reassign collection', billing_collection_close: 'Collection settled',
  billing_collection_follow_up: 'Collection follow-up', notify_outbox_deliver: 'Deliver messages', notify_message_read: 'Read message',
}
