// Billing (收费管理): fee items, bill runs, bills, house accounts and cashier payments.
// Money is integer 分 (fen); unit prices are 1/100 分 (utils/money.ts formats both).
import { http, type Page, type RequestOptions } from './request'

export const FEE_KINDS = ['property', 'water', 'electricity', 'gas', 'parking', 'apportionment', 'deposit', 'one_off'] as const
export const FEE_METHODS = ['area', 'fixed', 'metered'] as const
export const AREA_BASES = ['gross', 'net'] as const
export const ROUNDINGS = ['half_up', 'up', 'down'] as const
export const ROUND_TO = ['fen', 'jiao'] as const
export const CHANNELS = ['cash', 'pos', 'transfer', 'cheque'] as const
export const BILL_STATUSES = ['open', 'paid'] as const

/** Integer 分. */
export type Fen = number

export interface FeeItem {
  id: number
  project_id: number
  code: string
  name: string
  kind: string
  method: string
  area_basis: string
  /** 1/100 分 per m² per month (area) or per house per month (fixed). */
  unit_price: number
  house_kinds: string[]
  rounding: string
  round_to: string
  due_days: number
  valid_from: string
  valid_to: string | null
  active: boolean
  /** 计费周期: a bill covers 1, 3, 6 or 12 months, keyed by the cycle's first month. */
  cycle_months: number
  /** 阶梯价 of a metered item: [up_to (0.01 unit) | null for the last, price (1/100 分)]. */
  tiers: [number | null, number][] | null
}
export interface NewFeeItem {
  project_id: number
  code: string
  name: string
  kind: string
  method: string
  area_basis?: string
  unit_price: number
  house_kinds: string[]
  rounding?: string
  round_to?: string
  due_days?: number
  valid_from: string
  valid_to?: string
  cycle_months?: number
  tiers?: [number | null, number][]
}
export interface FeeItemChange {
  name?: string
  valid_to?: string | null
  active?: boolean
  due_days?: number
}

export interface RunItem {
  fee_item_id: number
  code: string
  name: string
  bills: number
  /** Net of discounts. */
  amount: Fen
  /** What discount rules took off the new bills. */
  discount: Fen
  existing: number
}
export interface BillRun {
  project_id: number
  period: string
  dry_run: boolean
  houses: number
  /** New bills (a preview: bills a commit would add). */
  bills: number
  /** Net of discounts. */
  amount: Fen
  /** What discount rules (优惠) took off the new bills. */
  discount: Fen
  /** Bills of this period that exist already (an earlier run). */
  existing: number
  items: RunItem[]
  run_id: number | null
}

export interface Bill {
  id: number
  project_id: number
  house_id: number
  fee_item_id: number
  fee_item_name: string
  fee_item_code: string
  period: string
  number: string
  quantity: number
  unit_price: number
  /** What the bill charges, net of `discount`. */
  amount: Fen
  /** What a discount rule (优惠) took off when the bill was made. */
  discount: Fen
  /** Credit notes (冲减) against it. */
  credited: Fen
  paid: Fen
  owed: Fen
  status: 'open' | 'paid'
  due_date: string
  created_at: string
}
export interface BillFilter {
  project_id?: number
  house_id?: number
  /** "YYYY-MM" */
  period?: string | null
  status?: string
  page: number
  size: number
}

export interface HouseAccount {
  house_id: number
  house_code: string
  owed: Fen
  prepaid: Fen
  /** Oldest due date first. */
  open_bills: Bill[]
}

export interface Payment {
  id: number
  number: string
  house_id: number
  project_id: number
  channel: string
  amount: Fen
  to_prepayment: Fen
  note: string
  created_at: string
}
export interface NewPayment {
  house_id: number
  amount: Fen
  channel: string
  bill_ids?: number[]
  note?: string
}
export interface PaymentResult {
  id: number
  number: string
  house_id: number
  project_id: number
  channel: string
  amount: Fen
  settled: Fen
  to_prepayment: Fen
  allocations: { bill_id: number; amount: Fen }[]
  owed_after: Fen
  prepaid_after: Fen
  created_at: string
  /** The payment's receipt (收据); null when it spent the prepaid balance. */
  receipt: { id: number; number: string } | null
}

export const listFeeItems = (project_id?: number) =>
  http.get<Page<FeeItem>>('/api/v1/fee-items', { project_id })
export const createFeeItem = (b: NewFeeItem) => http.post<FeeItem>('/api/v1/fee-items', b)
export const updateFeeItem = (id: number, b: FeeItemChange) => http.patch<FeeItem>(`/api/v1/fee-items/${id}`, b)

export const runBills = (b: { project_id: number; period: string; dry_run: boolean }) =>
  http.post<BillRun>('/api/v1/bill-runs', b)
export const listBills = (f: BillFilter, opts: RequestOptions = {}) =>
  http.get<Page<Bill>>('/api/v1/bills', { ...f }, opts)
export const getHouseAccount = (house_id: number, opts: RequestOptions = {}) =>
  http.get<HouseAccount>(`/api/v1/houses/${house_id}/account`, undefined, opts)

/**
 * Takes a payment. `key` is the Idempotency-Key: one per attempt, the same one again when
 * the attempt is retried after a network error (the server then answers the first result).
 */
export const takePayment = (b: NewPayment, key: string) =>
  http.post<PaymentResult>('/api/v1/payments', b, { headers: { 'Idempotency-Key': key } })
export const listPayments = (q: { house_id?: number; page: number; size: number }) =>
  http.get<Page<Payment>>('/api/v1/payments', q)

/** What a receipt's QR code vouches for (public; nothing personal). */
export interface ReceiptVerification {
  number: string
  company_name: string
  project_name: string
  amount: Fen
  date: string
  status: 'issued' | 'void'
}
export const verifyReceipt = (token: string) =>
  http.get<ReceiptVerification>(`/api/v1/receipts/verify/${encodeURIComponent(token)}`)

/** A fresh Idempotency-Key (a v4 UUID; crypto.randomUUID where the page is a secure context). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

// 收据 (receipts): one per payment; voiding keeps the number and moves no money.
export const RECEIPT_STATUSES = ['issued', 'void'] as const
export interface Receipt {
  id: number
  number: string
  project_id: number
  house_id: number
  payment_id: number
  amount: Fen
  status: 'issued' | 'void'
  void_reason: string | null
  voided_at: string | null
  created_at: string
}
export interface ReceiptFilter {
  project_id?: number
  house_id?: number
  status?: string
  page: number
  size: number
}
export const listReceipts = (f: ReceiptFilter) => http.get<Page<Receipt>>('/api/v1/receipts', { ...f })
/** The PDF's address (same origin: the session cookie goes with it). */
export const receiptPdfUrl = (id: number) => `/api/v1/receipts/${id}/pdf`
export const voidReceipt = (id: number, reason: string, opts: RequestOptions = {}) =>
  http.post<Receipt>(`/api/v1/receipts/${id}/void`, { reason }, opts)

// 欠费账龄 (arrears with aging): overdue amounts by days overdue, grouped.
export const ARREARS_GROUPS = ['project', 'building', 'house'] as const
export type ArrearsGroup = (typeof ARREARS_GROUPS)[number]
export const AGING_BUCKETS = ['d0_30', 'd31_90', 'd91_180', 'd181_365', 'd365_plus'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]
export interface ArrearsRow {
  project_id?: number
  building_id?: number
  house_id?: number
  house_code?: string
  owed: Fen
  houses: number
  buckets: Record<AgingBucket, Fen>
}
export interface ArrearsPage extends Page<ArrearsRow> {
  as_of: string
  group: ArrearsGroup
  /** All groups together (not only this page). */
  owed: Fen
}
export interface ArrearsFilter {
  project_id?: number
  group: ArrearsGroup
  /** "YYYY-MM-DD" */
  as_of?: string | null
  page: number
  size: number
}
export const listArrears = (f: ArrearsFilter) => http.get<ArrearsPage>('/api/v1/arrears', { ...f })

// 抄表 (meter readings): readings and consumption in 1/100 unit (0.01 m³ or kWh).
export const READING_STATUSES = ['ok', 'review', 'approved', 'rejected'] as const
export interface MeterReading {
  id: number
  project_id: number
  meter_id: number
  meter_code: string
  house_id: number | null
  building_id: number
  kind: 'water' | 'electricity' | 'gas'
  fee_item_id: number
  period: string
  reading: number
  previous_reading: number
  consumption: number
  flags: ('high' | 'rollover' | 'replaced')[]
  status: 'ok' | 'review' | 'approved' | 'rejected'
  read_at: string
  note: string
  reviewed_at: string | null
  review_note: string
}
export interface ReadingFilter {
  project_id?: number
  building_id?: number
  /** "YYYY-MM" */
  period?: string | null
  status?: string
  page: number
  size: number
}
export const listMeterReadings = (f: ReadingFilter) =>
  http.get<Page<MeterReading>>('/api/v1/meter-readings', { ...f })
export const reviewMeterReading = (id: number, b: { approve: boolean; note?: string }, opts: RequestOptions = {}) =>
  http.post<MeterReading>(`/api/v1/meter-readings/${id}/review`, b, opts)
