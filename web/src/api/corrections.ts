// Corrections (调账/退款) and the company's billing settings (收费设置). Amounts are integer
// 分. Above the company's approval threshold a request waits for a second person
// (审批中心); a refund moves money and takes an Idempotency-Key like a payment.
import { http, type Page, type RequestOptions } from './request'
import type { Schema } from './schema'

export const ALLOCATION_ORDERS = ['late_fees_first', 'principal_first'] as const satisfies readonly BillingSettings['allocation_order'][]
export const ADJUSTMENT_KINDS = ['credit_note', 'write_off', 'late_fee_waiver'] as const satisfies readonly Adjustment['kind'][]
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number]
export const ADJUSTMENT_STATUSES = ['pending', 'applied', 'rejected'] as const satisfies readonly Adjustment['status'][]
export const REFUND_STATUSES = ['pending', 'processing', 'refunded', 'rejected', 'failed'] as const satisfies readonly Refund['status'][]

/** The company's billing settings (收费设置); approval_threshold in 分. */
export type BillingSettings = Schema<'BillingSettings'>
export type Adjustment = Schema<'Adjustment'>
export type Refund = Schema<'Refund'>
export interface CorrectionFilter {
  status?: string
  project_id?: number
  house_id?: number
  page: number
  size: number
}

export const getBillingSettings = () => http.get<BillingSettings>('/api/v1/billing-settings')
export const putBillingSettings = (s: BillingSettings) => http.put<BillingSettings>('/api/v1/billing-settings', s)

export const listAdjustments = (f: CorrectionFilter) =>
  http.get<Page<Adjustment>>('/api/v1/adjustments', { ...f })
export const requestAdjustment = (
  b: Schema<'AdjustmentCreate'>,
  opts: RequestOptions = {},
) => http.post<Adjustment>('/api/v1/adjustments', b, opts)

export const listRefunds = (f: CorrectionFilter) => http.get<Page<Refund>>('/api/v1/refunds', { ...f })
/** `key` is the Idempotency-Key: one per attempt, the same again when it is retried. */
export const requestRefund = (
  b: Schema<'RefundCreate'>,
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
