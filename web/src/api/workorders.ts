// 工单 (work orders): orders and their state machine, the suggestion, follow-up calls, the
// settings (categories, SLA, dispatch, calendars, staff, shifts, QR report points), the
// reports, the classifier, photo uploads and the public QR report form. The contract is
// docs/API.md ("Work orders"). Times are ISO-8601 UTC strings; money is integer 分; rates are
// per-mille. The one client of /admin and the phone apps (/owner, /staff, the QR form).
import { ApiError, download, http, type Page, type RequestOptions } from './request'
import { useSessionStore } from '@/stores/session'

export const WO_KINDS = ['repair_house', 'repair_public', 'complaint', 'suggestion', 'inquiry', 'praise'] as const
export type WoKind = (typeof WO_KINDS)[number]
export const WO_URGENCIES = ['normal', 'urgent'] as const
export type WoUrgency = (typeof WO_URGENCIES)[number]
export const WO_STATUSES = ['submitted', 'assigned', 'accepted', 'on_site', 'paused', 'completed',
  'confirmed', 'closed', 'cancelled'] as const
export type WoStatus = (typeof WO_STATUSES)[number]
/** Statuses of an order still being worked on. */
export const WO_OPEN_STATUSES: WoStatus[] = ['submitted', 'assigned', 'accepted', 'on_site', 'paused']
/** Open statuses of an engineer's accepted work (the staff app's 处理中 tab). */
export const WO_IN_PROGRESS: WoStatus[] = ['accepted', 'on_site', 'paused']
export const WO_CHANNELS = ['owner', 'phone', 'qr', 'api'] as const
export const SLA_STATES = ['ok', 'warn', 'overdue', 'paused', 'met', 'missed'] as const
export type SlaState = (typeof SLA_STATES)[number]
export const DISPATCH_MODES = ['auto', 'grab', 'manual'] as const
export type DispatchMode = (typeof DISPATCH_MODES)[number]
export const SLA_CALENDARS = ['business', 'always'] as const
export const SKILLS = ['plumbing', 'carpentry', 'elevator', 'lighting', 'greening', 'cleaning', 'security', 'service'] as const
export const FOLLOW_UP_RESULTS = ['satisfied', 'unsatisfied', 'unreachable'] as const
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number]
export const PAUSE_REASONS = ['owner', 'parts', 'other'] as const
export type PauseReason = (typeof PAUSE_REASONS)[number]
/** Every action an order's `actions` may list. */
export const WO_ACTIONS = ['assign', 'accept', 'arrive', 'pause', 'resume', 'complete', 'confirm', 'rate',
  'cancel', 'reopen', 'follow_up'] as const
export type WoAction = (typeof WO_ACTIONS)[number]

export interface Sla {
  calendar: 'business' | 'always'
  accept_minutes: number
  finish_minutes: number
  accept_due_at: string
  finish_due_at: string | null
  accept_met: boolean | null
  finish_met: boolean | null
  state: SlaState
}
/** A stored file (photo, signature): GET `url` with the session cookie. */
export interface FileRef {
  id: number
  url: string
}
export interface WoPhoto extends FileRef {
  stage: 'report' | 'complete'
}
export interface TimelineEntry {
  seq: number
  action: string
  from_status: string | null
  to_status: string | null
  actor_name: string
  note: string
  data: Record<string, unknown>
  at: string
}
export interface WorkOrder {
  id: number
  number: string
  project_id: number
  kind: WoKind
  category_id: number | null
  category_name: string
  house_id: number | null
  house_code: string
  building_id: number | null
  building_name: string
  place: string
  description: string
  urgency: WoUrgency
  preferred_time: string
  channel: (typeof WO_CHANNELS)[number]
  reporter_name: string
  /** Masked (138****1234). */
  reporter_phone: string
  responsible_id: number | null
  responsible_name: string
  suggested_category_id: number | null
  suggested_urgency: string
  status: WoStatus
  assignee_id: number | null
  assignee_name: string
  dispatch_mode: DispatchMode
  dispatch_reason: string
  created_at: string
  assigned_at: string | null
  accepted_at: string | null
  arrived_at: string | null
  completed_at: string | null
  confirmed_at: string | null
  closed_at: string | null
  cancelled_at: string | null
  cancel_reason: string
  reopen_count: number
  rating: number | null
  rating_comment: string
  labour_fee: number
  material_fee: number
  bill_id: number | null
  sla: Sla
}
/** GET /work-orders/{id}: the list item plus what only the detail carries. */
export interface WorkOrderDetail extends WorkOrder {
  photos: WoPhoto[]
  signature: FileRef | null
  timeline: TimelineEntry[]
  /** What the caller may do now: drive the buttons from it. */
  actions: string[]
}
export interface WorkOrderInput {
  /** The project of an order without a house (a house gives its own). */
  project_id?: number
  kind: WoKind
  description: string
  category_id?: number
  urgency?: WoUrgency
  house_id?: number
  building_id?: number
  place?: string
  preferred_time?: string
  photos?: number[]
  reporter_name?: string
  reporter_phone?: string
}
export interface MaterialLine {
  name: string
  quantity: number
  /** 分 */
  unit_price: number
}
/** POST /work-orders/{id}/complete. Fees in 分. */
export interface Completion {
  note: string
  photos?: number[]
  labour_fee?: number
  materials?: MaterialLine[]
  /** Bill the owner (an order with a house). */
  charge?: boolean
}
export interface Suggestion {
  category_id: number | null
  category_name: string
  urgency: WoUrgency
  /** Per-mille. */
  confidence: number
  source: string
}
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
export interface Summary {
  open: number
  today: number
  overdue: number
  by_status: Record<string, number>
}
/** One follow-up call. */
export interface FollowUpRecord {
  result: FollowUpResult
  rating: number | null
  note: string
  /** Who called. */
  by: string
  at: string
}
export interface FollowUpItem extends WorkOrder {
  /** When the order became due for a call (not sent by every server version). */
  follow_up_due_at?: string | null
  follow_ups: FollowUpRecord[]
}
export interface FollowUpInput {
  result: FollowUpResult
  rating?: number
  note?: string
}

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
 * Opens an order's live timeline (same-origin, with the cookie; EventSource reconnects by
 * itself, and the server then replays the entries, so one may come twice). `onEntry` gets each
 * "timeline" event's entry, or null when its data is not JSON. Null where there is no EventSource.
 */
export function openOrderEvents(id: number, onEntry: (entry: TimelineEntry | null) => void): EventSource | null {
  if (typeof EventSource === 'undefined') return null
  const source = new EventSource(eventsUrl(id), { withCredentials: true })
  source.addEventListener('timeline', (ev) => {
    let entry: TimelineEntry | null = null
    try {
      entry = JSON.parse((ev as MessageEvent<string>).data) as TimelineEntry
    } catch {
      /* not JSON */
    }
    onEntry(entry)
  })
  return source
}

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
 * POST /api/v1/files with the raw bytes (image/jpeg|png|webp, ≤ 4 MiB) → {id, url}. The JSON
 * request layer cannot send a body as is, so this is a plain fetch with the same session
 * cookie and CSRF header; failures throw the same ApiError (the caller shows errorText).
 */
export async function uploadFile(blob: Blob): Promise<FileRef> {
  const token = useSessionStore().user?.csrf_token ?? ''
  let res: Response
  try {
    res = await fetch('/api/v1/files', {
      method: 'POST', credentials: 'same-origin', body: blob,
      headers: { 'Content-Type': blob.type, Accept: 'application/json', ...(token ? { 'X-CSRF-Token': token } : {}) },
    })
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', String(cause), 'common.unavailable', '', [])
  }
  if (res.ok) return (await res.json()) as FileRef
  let e: Record<string, unknown> = {}
  try {
    e = ((await res.json()) as { error?: Record<string, unknown> }).error ?? {}
  } catch {
    /* not JSON */
  }
  throw new ApiError(res.status, String(e.code ?? `HTTP_${res.status}`), String(e.message ?? res.statusText),
    String(e.i18n ?? 'common.internal'), String(e.request_id ?? ''), [])
}

// ---- Public QR report points (no login)
export interface PublicReportPoint {
  project_name: string
  place: string
}
export interface PublicReport {
  phone: string
  name?: string
  description: string
  urgency?: WoUrgency
}
export const getReportPoint = (token: string, opts: RequestOptions = {}) =>
  http.get<PublicReportPoint>(`/api/v1/public/report-points/${encodeURIComponent(token)}`, undefined, opts)
export const publicReport = (token: string, body: PublicReport, opts: RequestOptions = {}) =>
  http.post<{ number: string }>(`/api/v1/public/report-points/${encodeURIComponent(token)}/work-orders`, body, opts)

// ---- Settings (workorder:settings)
/** The category tree; holders of workorder:settings may read it (the owner's report form
 *  offers it when it loads and otherwise shows the suggestion only). */
export interface Category {
  id: number
  parent_id: number | null
  code: string
  name: string
  name_en: string
  skill: string
  keywords: string
  sort: number
  active: boolean
}
export interface CategoryInput {
  code?: string
  name?: string
  name_en?: string
  parent_id?: number | null
  skill?: string
  keywords?: string
  sort?: number
  active?: boolean
}
export interface SlaRule {
  id?: number
  category_id: number | null
  urgency: WoUrgency
  accept_minutes: number
  finish_minutes: number
  calendar: 'business' | 'always'
  warn_percent?: number
  manager_percent?: number
  hq_percent?: number
}
export interface DispatchRule {
  id?: number
  project_id: number
  category_id: number | null
  mode: DispatchMode
}
export interface WoCalendar {
  project_id?: number
  /** ISO weekdays as digits, "12345" = Mon–Fri. */
  workdays: string
  day_start: string
  day_end: string
}
export interface Holiday {
  /** "YYYY-MM-DD" */
  day: string
  /** off: a holiday; work: a make-up workday (调休). */
  kind: 'off' | 'work'
  name: string
}
export interface WoStaff {
  id: number
  name: string
  trade: string
  skills: string[]
  building_ids: number[]
  on_duty: boolean
  open_orders: number
}
export interface Shift {
  id: number
  user_id: number
  user_name: string
  starts_at: string
  ends_at: string
}
export interface ShiftInput {
  project_id: number
  user_ids: number[]
  dates: string[]
  start: string
  end: string
}
export interface ReportPoint {
  id: number
  token: string
  place: string
  url: string
  project_id?: number
  building_id?: number | null
  category_id?: number | null
}

/** A category's name in the UI's language (the Chinese one where no English one is set). */
export const categoryLabel = (c: Pick<Category, 'name' | 'name_en'>, locale: string) =>
  (locale === 'en-US' && c.name_en ? c.name_en : c.name)
export const listCategories = (opts: RequestOptions = {}) =>
  http.get<List<Category>>('/api/v1/work-order-categories', undefined, opts)
export const createCategory = (b: CategoryInput, opts: RequestOptions = {}) =>
  http.post<Category>('/api/v1/work-order-categories', b, opts)
export const updateCategory = (id: number, b: CategoryInput, opts: RequestOptions = {}) =>
  http.patch<Category>(`/api/v1/work-order-categories/${id}`, b, opts)

export const listSlaRules = () => http.get<List<SlaRule>>('/api/v1/work-order-sla-rules')
export const putSlaRule = (r: SlaRule, opts: RequestOptions = {}) =>
  http.put<SlaRule>('/api/v1/work-order-sla-rules', r, opts)

export const listDispatchRules = (projectId: number) =>
  http.get<List<DispatchRule>>('/api/v1/work-order-dispatch-rules', { project_id: projectId })
export const putDispatchRule = (r: DispatchRule, opts: RequestOptions = {}) =>
  http.put<DispatchRule>('/api/v1/work-order-dispatch-rules', r, opts)
/** Removes a category's own rule: the project's default applies to it again. */
export const inheritDispatchRule = (projectId: number, categoryId: number) =>
  http.put<unknown>('/api/v1/work-order-dispatch-rules', { project_id: projectId, category_id: categoryId, mode: 'inherit' })

export const getCalendar = (projectId: number) =>
  http.get<WoCalendar>(`/api/v1/work-order-calendars/${projectId}`)
export const putCalendar = (projectId: number, c: WoCalendar, opts: RequestOptions = {}) =>
  http.put<WoCalendar>(`/api/v1/work-order-calendars/${projectId}`, c, opts)
export const listHolidays = () => http.get<List<Holiday>>('/api/v1/work-order-holidays')
/** Replaces the year's holidays and make-up workdays with `items`. */
export const putHolidays = (year: number, items: Holiday[], opts: RequestOptions = {}) =>
  http.put<{ year: number; items: Holiday[] }>('/api/v1/work-order-holidays', { year, items }, opts)

export const listWoStaff = (projectId: number) =>
  http.get<List<WoStaff>>('/api/v1/work-order-staff', { project_id: projectId })
export const putWoStaff = (userId: number, b: { skills: string[]; building_ids: number[] }, opts: RequestOptions = {}) =>
  http.put<WoStaff>(`/api/v1/work-order-staff/${userId}`, b, opts)

export const listShifts = (q: { project_id: number; from: string; to: string }) =>
  http.get<List<Shift>>('/api/v1/work-order-shifts', q)
export const createShifts = (b: ShiftInput, opts: RequestOptions = {}) =>
  http.post<{ created: number }>('/api/v1/work-order-shifts', b, opts)
export const deleteShift = (id: number) => http.del(`/api/v1/work-order-shifts/${id}`)

export const listReportPoints = (projectId?: number) =>
  http.get<List<ReportPoint>>('/api/v1/work-order-report-points', { project_id: projectId })
export const createReportPoint = (b: { project_id: number; place: string; building_id?: number; category_id?: number }, opts: RequestOptions = {}) =>
  http.post<ReportPoint>('/api/v1/work-order-report-points', b, opts)
export const reportPointQr = (id: number) => `/api/v1/work-order-report-points/${id}/qr.svg`

// ---- Reports (workorder:report)
export const REPORT_GROUPS = ['month', 'staff', 'category', 'building'] as const
export type ReportGroup = (typeof REPORT_GROUPS)[number]
export interface ReportRow {
  key: string
  name: string
  volume: number
  completed: number
  sla_met: number
  sla_total: number
  /** Per-mille; null when nothing had an SLA outcome. */
  sla_rate: number | null
  avg_accept_minutes: number | null
  avg_finish_minutes: number | null
  first_time_fix_rate: number | null
  rated: number
  avg_rating_x100: number | null
}
export interface Report {
  rows: ReportRow[]
  totals: Omit<ReportRow, 'key' | 'name'> & Partial<Pick<ReportRow, 'key' | 'name'>>
}
export interface Hotspots {
  places: { name: string; count: number }[]
  categories: { name: string; count: number }[]
}
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

export interface ClassifierStats {
  trained_at: string | null
  samples: number
  held_out: number
  /** Per-mille. */
  accuracy: { rules: number; model: number; combined: number }
  /** Per-mille, per source like `accuracy`. */
  urgency_accuracy: { rules: number; model: number; combined: number }
}
export const getClassifier = () => http.get<ClassifierStats>('/api/v1/work-order-classifier')
export const trainClassifier = () => http.post<ClassifierStats>('/api/v1/work-order-classifier/train')

/** 1234 (per-mille) → "123.4%"; null → "—". */
export function formatPermille(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return `${Math.trunc(v / 10)}.${Math.abs(v % 10)}%`
}
