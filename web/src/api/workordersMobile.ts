// Work orders (工单) for the phone apps (/owner, /staff) and the public QR report form, coded
// against the contract in docs (WORKORDER.md "HTTP API"). Money is integer 分; times are
// ISO-8601 UTC strings. The admin console has its own client (workorders.ts).
import { ApiError, http, type Page, type RequestOptions } from './request'
import { useSessionStore } from '@/stores/session'

export const KINDS = ['repair_house', 'repair_public', 'complaint', 'suggestion', 'inquiry', 'praise'] as const
export type Kind = (typeof KINDS)[number]
export const URGENCIES = ['normal', 'urgent'] as const
export type Urgency = (typeof URGENCIES)[number]
export const PAUSE_REASONS = ['owner', 'parts', 'other'] as const
export type PauseReason = (typeof PAUSE_REASONS)[number]
/** Open statuses of an engineer's work (处理中 tab). */
export const IN_PROGRESS = ['accepted', 'on_site', 'paused'] as const

export type SlaState = 'ok' | 'warn' | 'overdue' | 'paused' | 'met' | 'missed'
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
export interface TimelineEntry {
  seq: number
  action: string
  from_status: string
  to_status: string
  actor_name: string
  note: string
  data: Record<string, unknown>
  at: string
}
export interface FileRef { id: number; url: string }
export interface Photo extends FileRef { stage: 'report' | 'complete' }

/** A list item; GET /work-orders/{id} adds photos, signature, timeline and actions. */
export interface WorkOrderItem {
  id: number
  number: string
  project_id: number
  kind: Kind
  category_id: number | null
  category_name: string
  house_id: number | null
  house_code: string
  building_id: number | null
  building_name: string
  place: string
  description: string
  urgency: Urgency
  preferred_time: string
  channel: 'owner' | 'phone' | 'qr' | 'api'
  reporter_name: string
  reporter_phone: string
  status: string
  assignee_id: number | null
  assignee_name: string
  dispatch_mode: 'auto' | 'grab' | 'manual'
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
export interface WorkOrder extends WorkOrderItem {
  photos: Photo[]
  signature: FileRef | null
  timeline: TimelineEntry[]
  actions: string[]
}

export interface Suggestion {
  category_id: number | null
  category_name: string
  urgency: Urgency
  /** per-mille */
  confidence: number
  source: string
}

export interface NewWorkOrder {
  kind: Kind
  description: string
  category_id?: number
  urgency?: Urgency
  house_id?: number
  /** Where a report that is not about a house belongs (the lead's service accepts it). */
  project_id?: number
  place?: string
  preferred_time?: string
  photos?: number[]
}
export interface ListQuery {
  status?: string
  mine?: 1
  overdue?: 1
  kind?: string
  page?: number
  size?: number
}
export interface MaterialLine { name: string; quantity: number; unit_price: number }
export interface Completion {
  note: string
  photos?: number[]
  labour_fee?: number
  materials?: MaterialLine[]
  charge?: boolean
}

const base = '/api/v1/work-orders'

export const suggest = (text: string, opts: RequestOptions = {}) => http.get<Suggestion>(`${base}/suggest`, { text }, opts)
export const createWorkOrder = (body: NewWorkOrder, opts: RequestOptions = {}) => http.post<WorkOrder>(base, body, opts)
export const listWorkOrders = (q: ListQuery = {}) => http.get<Page<WorkOrderItem>>(base, { ...q })
export const listGrab = () => http.get<Page<WorkOrderItem>>(`${base}/grab`)
export const getWorkOrder = (id: number, opts: RequestOptions = {}) => http.get<WorkOrder>(`${base}/${id}`, undefined, opts)
/** The order's live timeline: server-sent events named "timeline" (same-origin, with the cookie). */
export const eventsUrl = (id: number) => `${base}/${id}/events`

const act = (id: number, action: string, body: object = {}) => http.post<WorkOrder>(`${base}/${id}/${action}`, body)
export const accept = (id: number, note?: string) => act(id, 'accept', note ? { note } : {})
export const arrive = (id: number, method: 'scan' | 'checkin', note?: string) => act(id, 'arrive', { method, ...(note ? { note } : {}) })
export const pause = (id: number, reason: PauseReason, note?: string) => act(id, 'pause', { reason, ...(note ? { note } : {}) })
export const resume = (id: number, note?: string) => act(id, 'resume', note ? { note } : {})
export const complete = (id: number, body: Completion) => act(id, 'complete', body)
export const confirm = (id: number, signature: number) => act(id, 'confirm', { signature })
export const rate = (id: number, rating: number, comment?: string) => act(id, 'rate', { rating, ...(comment ? { comment } : {}) })
export const cancel = (id: number, reason: string) => act(id, 'cancel', { reason })
export const reopen = (id: number, reason: string) => act(id, 'reopen', { reason })

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

// Public QR report points (no login).
export interface ReportPoint { project_name: string; place: string }
export interface PublicReport { phone: string; name?: string; description: string; urgency?: Urgency }
export const getReportPoint = (token: string, opts: RequestOptions = {}) =>
  http.get<ReportPoint>(`/api/v1/public/report-points/${encodeURIComponent(token)}`, undefined, opts)
export const publicReport = (token: string, body: PublicReport, opts: RequestOptions = {}) =>
  http.post<{ number: string }>(`/api/v1/public/report-points/${encodeURIComponent(token)}/work-orders`, body, opts)

// The category tree (GET /work-order-categories). Readable by holders of workorder:settings; the
// report form offers it when it loads and otherwise shows the suggestion only.
export interface Category {
  id: number
  parent_id: number | null
  code: string
  name: string
  name_en: string
  skill: string
  active: boolean
}
export const listCategories = (opts: RequestOptions = {}) =>
  http.get<{ items: Category[] }>('/api/v1/work-order-categories', undefined, opts)
