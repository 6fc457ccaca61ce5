// 工单 (work orders): orders and their state machine, the suggestion, follow-up calls, the
// settings (categories, SLA, dispatch, calendars, staff, shifts, QR report points), the
// reports, the classifier, photo uploads and the public QR report form. The contract is
// docs/API.md ("Work orders"). Times are ISO-8601 UTC strings; money is integer 分; rates are
// per-mille. The one client of /admin and the phone apps (/owner, /staff, the QR form).
import { download, eventStream, http, upload, type Page, type RequestOptions } from './request'
import type { ResponseOf, Schema } from './schema'

export const WO_KINDS = ['repair_house', 'repair_public', 'complaint', 'suggestion', 'inquiry', 'praise'] as const satisfies readonly WoKind[]
export type WoKind = Schema<'WorkOrderKind'>
export const WO_URGENCIES = ['normal', 'urgent'] as const satisfies readonly WoUrgency[]
export type WoUrgency = WorkOrder['urgency']
export const WO_STATUSES = ['submitted', 'assigned', 'accepted', 'on_site', 'paused', 'completed',
  'confirmed', 'closed', 'cancelled'] as const satisfies readonly WoStatus[]
export type WoStatus = Schema<'WorkOrderStatus'>
/** Statuses of an order still being worked on. */
export const WO_OPEN_STATUSES: WoStatus[] = ['submitted', 'assigned', 'accepted', 'on_site', 'paused']
/** Open statuses of an engineer's accepted work (the staff app's 处理中 tab). */
export const WO_IN_PROGRESS: WoStatus[] = ['accepted', 'on_site', 'paused']
export const WO_CHANNELS = ['owner', 'phone', 'qr', 'api'] as const satisfies readonly WorkOrder['channel'][]
export const SLA_STATES = ['ok', 'warn', 'overdue', 'paused', 'met', 'missed'] as const satisfies readonly SlaState[]
export type SlaState = Sla['state']
export const DISPATCH_MODES = ['auto', 'grab', 'manual'] as const satisfies readonly DispatchMode[]
export type DispatchMode = WorkOrder['dispatch_mode']
export const SLA_CALENDARS = ['business', 'always'] as const satisfies readonly Sla['calendar'][]
export const SKILLS = ['plumbing', 'carpentry', 'elevator', 'lighting', 'greening', 'cleaning', 'security', 'service'] as const
export const FOLLOW_UP_RESULTS = ['satisfied', 'unsatisfied', 'unreachable'] as const satisfies readonly FollowUpResult[]
export type FollowUpResult = FollowUpInput['result']
export const PAUSE_REASONS = ['owner', 'parts', 'other'] as const satisfies readonly PauseReason[]
export type PauseReason = Schema<'WorkOrderPause'>['reason']
/** Every action an order's `actions` may list. */
export const WO_ACTIONS = ['assign', 'accept', 'arrive', 'pause', 'resume', 'complete', 'confirm', 'rate',
  'cancel', 'reopen', 'follow_up'] as const satisfies readonly WoAction[]
export type WoAction = WorkOrderDetail['actions'][number]

export type Sla = Schema<'WorkOrderSla'>
/** A stored file (photo, signature): GET `url` with the session cookie. */
export type FileRef = NonNullable<WorkOrderDetail['signature']>
export type WoPhoto = WorkOrderDetail['photos'][number]
export type TimelineEntry = Schema<'WorkOrderEvent'>
/** An order as lists show it (reporter_phone masked: 138****1234). */
export type WorkOrder = Schema<'WorkOrderItem'>
/** GET /work-orders/{id}: the list item plus photos, signature, timeline and `actions` (what
 *  the caller may do now: drive the buttons from it). */
export type WorkOrderDetail = Schema<'WorkOrder'>
/** project_id: of an order without a house (a house gives its own). */
export type WorkOrderInput = Schema<'WorkOrderCreate'>
/** POST /work-orders/{id}/complete. Fees in 分; charge: bill the owner (an order with a house). */
export type Completion = Schema<'WorkOrderComplete'>
export type MaterialLine = NonNullable<Completion['materials']>[number]
/** The classifier's guess; confidence per mille. */
export type Suggestion = Schema<'WorkOrderSuggestion'>
export interface WorkOrderFilter {
  project_id?: number
  /** Comma-separated statuses. */
  status?: string
  kind?: string
  category_id?: number
  assignee_id?: number
  building_id?: number
  house_id?: number
  overdue?: boolean
  mine?: boolean
  /** Submitted since midnight (China time). */
  today?: boolean
  q?: string
  page?: number
  size?: number
}
export type Summary = Schema<'WorkOrderSummary'>
/** An order due for (or done with) its follow-up call, with the calls made. */
export type FollowUpItem = Schema<'WorkOrderFollowUpPage'>['items'][number]
/** One follow-up call: `by` who called. */
export type FollowUpRecord = FollowUpItem['follow_ups'][number]
export type FollowUpInput = Schema<'WorkOrderFollowUpCreate'>

interface List<T> {
  items: T[]
  total?: number
}

const base = '/api/v1/work-orders'

export const listWorkOrders = (f: WorkOrderFilter) =>
  http.get<Page<WorkOrder>>(base, {
    ...f, overdue: f.overdue ? 1 : undefined, mine: f.mine ? 1 : undefined, today: f.today ? 1 : undefined,
  })
export const getWorkOrder = (id: number, opts: RequestOptions = {}) =>
  http.get<WorkOrderDetail>(`${base}/${id}`, undefined, opts)
export const createWorkOrder = (b: WorkOrderInput, opts: RequestOptions = {}) =>
  http.post<WorkOrderDetail>(base, b, opts)
/** The classifier's guess for a description (quiet: typing must not raise toasts). */
export const suggest = (text: string) =>
  http.get<Suggestion>(`${base}/suggest`, { text }, { quiet: true })
export const getSummary = (projectId?: number, opts: RequestOptions = {}) =>
  http.get<Summary>(`${base}/summary`, { project_id: projectId }, opts)
/** The submitted grab-mode orders the caller may grab (抢单), urgent first. */
export const listGrab = () => http.get<List<WorkOrder>>(`${base}/grab`)
/** The URL of an order's live timeline (text/event-stream; events named "timeline"). */
export const eventsUrl = (id: number) => `${base}/${id}/events`
/**
 * Opens an order's live timeline (EventSource reconnects by itself, and the server then
 * replays the entries, so one may come twice). `onEntry` gets each "timeline" event's entry,
 * or null when its data is not JSON. Null where there is no EventSource.
 */
export const openOrderEvents = (id: number, onEntry: (entry: TimelineEntry | null) => void) =>
  eventStream<TimelineEntry>(eventsUrl(id), 'timeline', onEntry)

/** One state-machine step: POST /work-orders/{id}/{action}. */
export const act = (id: number, action: WoAction, body: Record<string, unknown> = {}, opts: RequestOptions = {}) =>
  http.post<WorkOrderDetail>(`${base}/${id}/${action.replace('_', '-')}`, body, opts)
/** Omit assigneeId for automatic dispatch now. */
export const assign = (id: number, assigneeId?: number) =>
  act(id, 'assign', assigneeId ? { assignee_id: assigneeId } : {})
export const cancelOrder = (id: number, reason: string, opts: RequestOptions = {}) => act(id, 'cancel', { reason }, opts)
export const reopenOrder = (id: number, reason: string, opts: RequestOptions = {}) => act(id, 'reopen', { reason }, opts)
/** Accepts an assigned order, or grabs a submitted grab-mode one. */
export const acceptOrder = (id: number, note?: string) => act(id, 'accept', note ? { note } : {})
export const arriveAt = (id: number, method: 'scan' | 'checkin', note?: string) =>
  act(id, 'arrive', { method, ...(note ? { note } : {}) })
export const pauseOrder = (id: number, reason: PauseReason, note?: string) =>
  act(id, 'pause', { reason, ...(note ? { note } : {}) })
export const resumeOrder = (id: number, note?: string) => act(id, 'resume', note ? { note } : {})
export const completeOrder = (id: number, body: Completion) => act(id, 'complete', { ...body })
/** The owner confirms the work with the file id of their drawn signature. */
export const confirmOrder = (id: number, signature: number) => act(id, 'confirm', { signature })
export const rateOrder = (id: number, rating: number, comment?: string) =>
  act(id, 'rate', { rating, ...(comment ? { comment } : {}) })
export const followUp = (id: number, f: FollowUpInput, opts: RequestOptions = {}) => act(id, 'follow_up', { ...f }, opts)

export const listFollowUps = (q: { project_id?: number; state: 'due' | 'done'; page?: number; size?: number }) =>
  http.get<Page<FollowUpItem>>('/api/v1/work-order-follow-ups', q)

// Files (photos, signatures)
export const fileUrl = (id: number) => `/api/v1/files/${id}`

/**
 * POST /api/v1/files with the raw bytes (image/jpeg|png|webp, ≤ 4 MiB) → {id, url}. Quiet by
 * default: the caller shows errorText of the ApiError it throws.
 */
export const uploadFile = (blob: Blob, opts: RequestOptions = { quiet: true }) =>
  upload<Schema<'FileUpload'>>('/api/v1/files', blob, blob.type, opts)

// ---- Public QR report points (no login)
export type PublicReportPoint = ResponseOf<'getPublicReportPoint'>
export type PublicReport = Schema<'PublicWorkOrderCreate'>
export const getReportPoint = (token: string, opts: RequestOptions = {}) =>
  http.get<PublicReportPoint>(`/api/v1/public/report-points/${encodeURIComponent(token)}`, undefined, opts)
export const publicReport = (token: string, body: PublicReport, opts: RequestOptions = {}) =>
  http.post<ResponseOf<'createPublicWorkOrder', 201>>(`/api/v1/public/report-points/${encodeURIComponent(token)}/work-orders`, body, opts)

// ---- Settings (workorder:settings)
/** The category tree; holders of workorder:settings may read it (the owner's report form
 *  offers it when it loads and otherwise shows the suggestion only). */
export type Category = Schema<'WorkOrderCategory'>
export type SlaRule = Schema<'WorkOrderSlaRule'>
export type DispatchRule = Schema<'WorkOrderDispatchRule'>
/** workdays: ISO weekdays as digits, "12345" = Mon–Fri. */
export type WoCalendar = Schema<'WorkOrderCalendar'>
/** day "YYYY-MM-DD"; kind off: a holiday, work: a make-up workday (调休). */
export type Holiday = Schema<'WorkOrderHoliday'>
export type WoStaff = Schema<'WorkOrderStaff'>
export type Shift = Schema<'WorkOrderShift'>
export type ShiftInput = Schema<'WorkOrderShiftsCreate'>
export type ReportPoint = Schema<'ReportPoint'>

/** A category's name in the UI's language (the Chinese one where no English one is set). */
export const categoryLabel = (c: Pick<Category, 'name' | 'name_en'>, locale: string) =>
  (locale === 'en-US' && c.name_en ? c.name_en : c.name)
export const listCategories = (opts: RequestOptions = {}) =>
  http.get<List<Category>>('/api/v1/work-order-categories', undefined, opts)
export const createCategory = (b: Schema<'WorkOrderCategoryCreate'>, opts: RequestOptions = {}) =>
  http.post<Category>('/api/v1/work-order-categories', b, opts)
export const updateCategory = (id: number, b: Schema<'WorkOrderCategoryUpdate'>, opts: RequestOptions = {}) =>
  http.patch<Category>(`/api/v1/work-order-categories/${id}`, b, opts)

export const listSlaRules = () => http.get<List<SlaRule>>('/api/v1/work-order-sla-rules')
export const putSlaRule = (r: Schema<'WorkOrderSlaRulePut'>, opts: RequestOptions = {}) =>
  http.put<SlaRule>('/api/v1/work-order-sla-rules', r, opts)

export const listDispatchRules = (projectId: number) =>
  http.get<List<DispatchRule>>('/api/v1/work-order-dispatch-rules', { project_id: projectId })
export const putDispatchRule = (r: Schema<'WorkOrderDispatchRulePut'>, opts: RequestOptions = {}) =>
  http.put<DispatchRule>('/api/v1/work-order-dispatch-rules', r, opts)
/** Removes a category's own rule: the project's default applies to it again. */
export const inheritDispatchRule = (projectId: number, categoryId: number) =>
  http.put<unknown>('/api/v1/work-order-dispatch-rules', { project_id: projectId, category_id: categoryId, mode: 'inherit' })

export const getCalendar = (projectId: number) =>
  http.get<WoCalendar>(`/api/v1/work-order-calendars/${projectId}`)
export const putCalendar = (projectId: number, c: Schema<'WorkOrderCalendarPut'>, opts: RequestOptions = {}) =>
  http.put<WoCalendar>(`/api/v1/work-order-calendars/${projectId}`, c, opts)
export const listHolidays = () => http.get<List<Holiday>>('/api/v1/work-order-holidays')
/** Replaces the year's holidays and make-up workdays with `items`. */
export const putHolidays = (year: number, items: Holiday[], opts: RequestOptions = {}) =>
  http.put<Schema<'WorkOrderHolidaysPut'>>('/api/v1/work-order-holidays', { year, items } satisfies Schema<'WorkOrderHolidaysPut'>, opts)

export const listWoStaff = (projectId: number) =>
  http.get<List<WoStaff>>('/api/v1/work-order-staff', { project_id: projectId })
export const putWoStaff = (userId: number, b: Schema<'WorkOrderStaffPut'>, opts: RequestOptions = {}) =>
  http.put<WoStaff>(`/api/v1/work-order-staff/${userId}`, b, opts)

export const listShifts = (q: { project_id: number; from: string; to: string }) =>
  http.get<List<Shift>>('/api/v1/work-order-shifts', q)
export const createShifts = (b: ShiftInput, opts: RequestOptions = {}) =>
  http.post<{ created: number }>('/api/v1/work-order-shifts', b, opts)
export const deleteShift = (id: number) => http.del(`/api/v1/work-order-shifts/${id}`)

export const listReportPoints = (projectId?: number) =>
  http.get<List<ReportPoint>>('/api/v1/work-order-report-points', { project_id: projectId })
export const createReportPoint = (b: Schema<'ReportPointCreate'>, opts: RequestOptions = {}) =>
  http.post<ReportPoint>('/api/v1/work-order-report-points', b, opts)
export const reportPointQr = (id: number) => `/api/v1/work-order-report-points/${id}/qr.svg`

// ---- Reports (workorder:report)
export const REPORT_GROUPS = ['month', 'staff', 'category', 'building'] as const satisfies readonly ReportGroup[]
export type ReportGroup = Report['group']
/** Rates per mille; null when there is nothing to rate (e.g. no SLA outcome). */
export type ReportRow = Schema<'WorkOrderFigures'>
export type Report = Schema<'WorkOrderReport'>
export type Hotspots = Schema<'WorkOrderHotspots'>
export interface ReportQuery {
  project_id?: number
  /** "YYYY-MM" */
  from: string
  to: string
}
export const getReport = (q: ReportQuery & { group: ReportGroup }) =>
  http.get<Report>('/api/v1/reports/work-orders', { ...q })
export const getHotspots = (q: ReportQuery) =>
  http.get<Hotspots>('/api/v1/reports/work-orders/hotspots', { ...q })
export const exportReport = (q: ReportQuery) => download('/api/v1/reports/work-orders.xlsx', { ...q })

/** accuracy and urgency_accuracy per source, per mille. */
export type ClassifierStats = Schema<'WorkOrderClassifier'>
export const getClassifier = () => http.get<ClassifierStats>('/api/v1/work-order-classifier')
export const trainClassifier = () => http.post<ClassifierStats>('/api/v1/work-order-classifier/train')

/** 1234 (per-mille) → "123.4%"; null → "—". */
export function formatPermille(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return `${Math.trunc(v / 10)}.${Math.abs(v % 10)}%`
}
