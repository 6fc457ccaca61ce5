// Corrections (调账/退款) and the company's billing settings (收费设置). Amounts are integer
// 分. Above the company's approval threshold a request waits for a second person
// (审批中心); a refund moves money and takes an Idempotency-Key like a payment.
import { http, request, type Page, type RequestOptions } from './request'
import type { Fen } from './billing'

export const ALLOCATION_ORDERS = ['late_fees_first', 'principal_first'] as const
export const ADJUSTMENT_KINDS = ['credit_note', 'write_off', 'late_fee_waiver'] as const
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number]
export const ADJUSTMENT_STATUSES = ['pending', 'applied', 'rejected'] as const
export const REFUND_STATUSES = ['pending', 'processing', 'refunded', 'rejected', 'failed'] as const

export interface BillingSettings {
  /** 分: an adjustment or refund above it needs a second person's approval. */
  approval_threshold: Fen
  allocation_order: (typeof ALLOCATION_ORDERS)[number]
  auto_apply_prepayment: boolean
}

/** What adjustments and refunds share: who asked, who decided. */
interface Decided {
  id: number
  project_id: number
  house_id: number
  house_code: string
  amount: Fen
  reason: string
  requested_by: number
  requested_by_name: string
  requested_at: string
  decided_by: number | null
  decided_by_name: string | null
  decided_at: string | null
  decision_note: string
}
export interface Adjustment extends Decided {
  bill_id: number
  bill_number: string
  period: string
  kind: (typeof ADJUSTMENT_KINDS)[number]
  status: (typeof ADJUSTMENT_STATUSES)[number]
  /** Credit notes on a paid bill: the part that became prepaid balance. */
  to_prepayment: Fen
}
export interface Refund extends Decided {
  payment_id: number | null
  payment_number: string | null
  number: string
  channel: string
  status: (typeof REFUND_STATUSES)[number]
  provider_refund_id: string | null
  failure: string
  refunded_at: string | null
}
export interface CorrectionFilter {
  status?: string
  project_id?: number
  house_id?: number
  page: number
  size: number
}

export const getBillingSettings = () => http.get<BillingSettings>('/api/v1/billing-settings')
export const putBillingSettings = (s: BillingSettings) =>
  request<BillingSettings>('PUT', '/api/v1/billing-settings', { body: s })

export const listAdjustments = (f: CorrectionFilter) =>
  http.get<Page<Adjustment>>('/api/v1/adjustments', { ...f })
export const requestAdjustment = (
  b: { bill_id: number; kind: string; amount: Fen; reason: string },
  opts: RequestOptions = {},
) => http.post<Adjustment>('/api/v1/adjustments', b, opts)

export const listRefunds = (f: CorrectionFilter) => http.get<Page<Refund>>('/api/v1/refunds', { ...f })
/** `key` is the Idempotency-Key: one per attempt, the same again when it is retried. */
export const requestRefund = (
  b: { house_id: number; amount: Fen; reason: string; payment_id?: number },
  key: string,
  opts: RequestOptions = {},
) => http.post<Refund>('/api/v1/refunds', b, { ...opts, headers: { 'Idempotency-Key': key } })

/** Approve (reason optional) or reject (reason required) an adjustment or a refund. */
export const decide = (
  what: 'adjustments' | 'refunds', id: number, approve: boolean, reason: string,
  opts: RequestOptions = {},
) =>
  http.post<Adjustment | Refund>(`/api/v1/${what}/${id}/${approve ? 'approve' : 'reject'}`,
    reason ? { reason } : {}, opts)
