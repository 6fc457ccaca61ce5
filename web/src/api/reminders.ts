// Reminders (催缴), collection follow-ups (催收), the notification outbox and in-app
// messages. Money is integer 分 (utils/money.ts formats it).
import { http, type Page, type RequestOptions } from './request'
import type { Schema } from './schema'

export const REMINDER_CHANNELS = ['sms', 'in_app'] as const satisfies Schema<'ReminderChannels'>
export const FOLLOW_UP_METHODS = ['call', 'visit', 'sms', 'other'] as const satisfies readonly FollowUpInput['method'][]
export const OUTBOX_STATUSES = ['queued', 'sent', 'failed'] as const satisfies readonly OutboxItem['status'][]
/** Placeholders a reminder template may use. */
export const PLACEHOLDERS = ['house', 'amount', 'due_date', 'days_overdue'] as const

/** A reminder rule; offset_days: days from the due date, negative before it, positive after. */
export type ReminderRule = Schema<'ReminderRule'>
/** The rule's fields (createRule adds the project). */
export type ReminderRuleInput = Omit<Schema<'ReminderRuleCreate'>, 'project_id'>
export type RunReport = Schema<'ReminderRunReport'>
export type CollectionSetting = Schema<'CollectionSetting'>
/** A house assigned to a collector; overdue: 分 owed on bills due before today. */
export type Assignment = Schema<'CollectionAssignment'>
export type FollowUp = Schema<'CollectionFollowUp'>
export type FollowUpInput = Schema<'CollectionFollowUpCreate'>
/** recipient: a masked phone (138****1234) or the user's name. */
export type OutboxItem = Schema<'OutboxItem'>
export type OutboxPage = Schema<'OutboxPage'>
export type Message = Schema<'Message'>
export type MessagePage = Schema<'MessagePage'>

interface List<T> {
  items: T[]
  total: number
}

export const listRules = (projectId?: number) =>
  http.get<List<ReminderRule>>('/api/v1/reminder-rules', { project_id: projectId })
/** project_id missing: the server answers a field error. */
export const createRule = (r: ReminderRuleInput & { project_id?: number }, opts: RequestOptions = {}) =>
  http.post<ReminderRule>('/api/v1/reminder-rules', r, opts)
export const updateRule = (id: number, r: Schema<'ReminderRuleUpdate'>, opts: RequestOptions = {}) =>
  http.patch<ReminderRule>(`/api/v1/reminder-rules/${id}`, r, opts)
export const deleteRule = (id: number) => http.del(`/api/v1/reminder-rules/${id}`)
export const runReminders = (asOf?: string) =>
  http.post<RunReport>('/api/v1/reminders/run', asOf ? { as_of: asOf } : {})

export const listSettings = () => http.get<List<CollectionSetting>>('/api/v1/collection/settings')
export const putSetting = (s: Schema<'CollectionSettingPut'>) =>
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
