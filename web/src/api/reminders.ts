// Reminders (催缴), collection follow-ups (催收), the notification outbox and in-app
// messages. Money is integer 分 (utils/money.ts formats it).
import { http, type Page, type RequestOptions } from './request'

export const REMINDER_CHANNELS = ['sms', 'in_app'] as const
export const FOLLOW_UP_METHODS = ['call', 'visit', 'sms', 'other'] as const
export const OUTBOX_STATUSES = ['queued', 'sent', 'failed'] as const
/** Placeholders a reminder template may use. */
export const PLACEHOLDERS = ['house', 'amount', 'due_date', 'days_overdue'] as const

export interface ReminderRule {
  id: number
  project_id: number
  name: string
  /** Days from the due date: negative before it, positive after. */
  offset_days: number
  channels: string[]
  template: string
  active: boolean
  created_at: string
  updated_at: string
}
export interface ReminderRuleInput {
  project_id?: number
  name: string
  offset_days: number
  channels: string[]
  template: string
  active: boolean
}
export interface RunReport {
  as_of: string
  reminders: number
  messages: number
  assigned: number
  unassigned: number
  closed: number
  delivered: number
  delivery_failed: number
}
export interface CollectionSetting {
  id: number
  project_id: number
  assign_after_days: number
  active: boolean
  updated_at: string
}
export interface Assignment {
  id: number
  project_id: number
  house_id: number
  house_code: string
  assignee_id: number
  assignee_name: string
  status: 'open' | 'closed'
  oldest_due_date: string
  owed_at_open: number
  /** 分 owed on bills due before today. */
  overdue: number
  follow_ups: number
  last_follow_up_at: string | null
  opened_at: string
  closed_at: string | null
}
export interface FollowUp {
  id: number
  assignment_id: number
  user_id: number
  user_name: string
  method: string
  outcome: string
  promised_date: string | null
  promised_amount: number | null
  created_at: string
}
export interface FollowUpInput {
  method: string
  outcome: string
  promised_date?: string
  promised_amount?: number
}
export interface OutboxItem {
  id: number
  project_id: number | null
  channel: 'sms' | 'in_app'
  /** A masked phone (138****1234) or the user's name. */
  recipient: string
  template: string
  text: string
  status: 'queued' | 'sent' | 'failed'
  transport: 'http' | 'local' | 'in_app' | null
  attempts: number
  last_error: string | null
  created_at: string
  sent_at: string | null
}
export interface OutboxPage extends Page<OutboxItem> {
  sms_configured: boolean
}
export interface Message {
  id: number
  title: string
  text: string
  read: boolean
  created_at: string
}
export interface MessagePage extends Page<Message> {
  unread: number
}

interface List<T> {
  items: T[]
  total: number
}

export const listRules = (projectId?: number) =>
  http.get<List<ReminderRule>>('/api/v1/reminder-rules', { project_id: projectId })
export const createRule = (r: ReminderRuleInput, opts: RequestOptions = {}) =>
  http.post<ReminderRule>('/api/v1/reminder-rules', r, opts)
export const updateRule = (id: number, r: Partial<ReminderRuleInput>, opts: RequestOptions = {}) =>
  http.patch<ReminderRule>(`/api/v1/reminder-rules/${id}`, r, opts)
export const deleteRule = (id: number) => http.del(`/api/v1/reminder-rules/${id}`)
export const runReminders = (asOf?: string) =>
  http.post<RunReport>('/api/v1/reminders/run', asOf ? { as_of: asOf } : {})

export const listSettings = () => http.get<List<CollectionSetting>>('/api/v1/collection/settings')
export const putSetting = (s: { project_id: number; assign_after_days: number; active: boolean }) =>
  http.put<CollectionSetting>('/api/v1/collection/settings', s)

export interface AssignmentFilter {
  project_id?: number
  status?: string
  mine?: boolean
  page?: number
  size?: number
}
export const listAssignments = (f: AssignmentFilter) =>
  http.get<Page<Assignment>>('/api/v1/collection/assignments', {
    ...f, mine: f.mine ? 'true' : undefined, status: f.status || undefined,
  })
export const reassign = (id: number, assigneeId: number) =>
  http.put<Assignment>(`/api/v1/collection/assignments/${id}`, { assignee_id: assigneeId })
export const listFollowUps = (id: number) =>
  http.get<List<FollowUp>>(`/api/v1/collection/assignments/${id}/follow-ups`)
export const addFollowUp = (id: number, f: FollowUpInput, opts: RequestOptions = {}) =>
  http.post<FollowUp>(`/api/v1/collection/assignments/${id}/follow-ups`, f, opts)

export interface OutboxFilter {
  project_id?: number
  status?: string
  channel?: string
  page?: number
  size?: number
}
export const listOutbox = (f: OutboxFilter) =>
  http.get<OutboxPage>('/api/v1/notify/outbox', {
    ...f, status: f.status || undefined, channel: f.channel || undefined,
  })

export const listMessages = (page = 1, size = 50) =>
  http.get<MessagePage>('/api/v1/messages', { page, size })
export const markRead = (id: number) => http.post<Message>(`/api/v1/messages/${id}/read`)
