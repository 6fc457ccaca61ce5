// Billing (收费管理): fee items, bill runs, bills, house accounts and cashier payments.
// Money is integer 分 (fen); unit prices are 1/100 分 (utils/money.ts formats both).
import { download, http, openFile, type Page, type RequestOptions } from './request'
import type { Schema } from './schema'

export const FEE_KINDS = ['property', 'water', 'electricity', 'gas', 'parking', 'apportionment', 'deposit', 'one_off'] as const satisfies readonly FeeItem['kind'][]
export const FEE_METHODS = ['area', 'fixed', 'metered'] as const satisfies readonly FeeItem['method'][]
export const AREA_BASES = ['gross', 'net'] as const satisfies readonly FeeItem['area_basis'][]
export const ROUNDINGS = ['half_up', 'up', 'down'] as const satisfies readonly FeeItem['rounding'][]
export const ROUND_TO = ['fen', 'jiao'] as const satisfies readonly FeeItem['round_to'][]
/** The cashier desk's channels. */
export const CHANNELS = ['cash', 'pos', 'transfer', 'cheque'] as const satisfies readonly Channel[]
export type Channel = NewPayment['channel']
export const BILL_STATUSES = ['open', 'paid'] as const satisfies readonly Bill['status'][]

/** Integer 分. */
export type Fen = Schema<'Fen'>

export type FeeItem = Schema<'FeeItem'>
export type NewFeeItem = Schema<'FeeItemCreate'>
export type FeeItemChange = Schema<'FeeItemUpdate'>

/** A bill run's answer (a preview with dry_run): totals and one row per fee item. */
export type BillRun = Schema<'BillRunReport'>
export type RunItem = BillRun['items'][number]

export type Bill = Schema<'Bill'>
export interface BillFilter {
  project_id?: number
  house_id?: number
  /** "YYYY-MM" */
  period?: string | null
  status?: string
  page: number
  size: number
}

export type HouseAccount = Schema<'HouseAccount'>
/** A payment as listed (GET /api/v1/payments). */
export type Payment = Schema<'Payment'>
export type NewPayment = Schema<'PaymentCreate'>
/** POST /api/v1/payments: the payment with its allocation and the house's account after it. */
export type PaymentResult = Schema<'PaymentResult'>

export const listFeeItems = (project_id?: number) =>
  http.get<Page<FeeItem>>('/api/v1/fee-items', { project_id })
export const createFeeItem = (b: NewFeeItem) => http.post<FeeItem>('/api/v1/fee-items', b)
export const updateFeeItem = (id: number, b: FeeItemChange) => http.patch<FeeItem>(`/api/v1/fee-items/${id}`, b)

/** A run of several projects (`project_ids`, or neither field = all the caller may bill). */
export type BillRunSummary = Schema<'BillRunSummary'>
/** One project's report when the request named `project_id`, else the summary of several. */
export const runBills = (b: Schema<'BillRunRequest'>) =>
  http.post<BillRun | BillRunSummary>('/api/v1/bill-runs', b)
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
export type ReceiptVerification = Schema<'ReceiptVerification'>
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
export type Receipt = Schema<'Receipt'>
export interface ReceiptFilter {
  project_id?: number
  house_id?: number
  status?: string
  page: number
  size: number
}
export const listReceipts = (f: ReceiptFilter) => http.get<Page<Receipt>>('/api/v1/receipts', { ...f })
/** Paper for printing receipts: A4 (a receipt in the top half), 241 mm continuous paper, or the
 *  cashier's 80 mm slip (收银小票, thermal roll). */
export const RECEIPT_PAPERS = ['a4', '241', '80'] as const
export type ReceiptPaper = (typeof RECEIPT_PAPERS)[number]
/** The most receipts one batch print takes (the server's limit). */
export const MAX_PRINT_BATCH = 200
/** The PDF's address (same origin: the session cookie goes with it). */
export const receiptPdfUrl = (id: number) => `/api/v1/receipts/${id}/pdf`
/** Saves the PDF under the server's name (R-….pdf). Quiet: the caller shows the error. */
export const downloadReceiptPdf = (id: number) => download(receiptPdfUrl(id), undefined, { quiet: true })
/** Opens one receipt's PDF on `paper` in a new tab, to print. Quiet. */
export const printReceipt = (id: number, paper: ReceiptPaper) =>
  openFile(receiptPdfUrl(id), { paper }, { quiet: true })
/** Opens ONE PDF of the receipts `ids`, a page each in this order, in a new tab. Quiet. */
export const printReceipts = (ids: number[], paper: ReceiptPaper) =>
  openFile('/api/v1/receipts/print', { ids: ids.join(','), paper }, { quiet: true })
export const voidReceipt = (id: number, reason: string, opts: RequestOptions = {}) =>
  http.post<Receipt>(`/api/v1/receipts/${id}/void`, { reason }, opts)

// 欠费账龄 (arrears with aging): overdue amounts by days overdue, grouped.
export const ARREARS_GROUPS = ['project', 'building', 'house'] as const satisfies readonly ArrearsGroup[]
export type ArrearsGroup = ArrearsPage['group']
export const AGING_BUCKETS = ['d0_30', 'd31_90', 'd91_180', 'd181_365', 'd365_plus'] as const satisfies readonly AgingBucket[]
export type AgingBucket = keyof ArrearsRow['buckets']
export type ArrearsPage = Schema<'ArrearsPage'>
export type ArrearsRow = ArrearsPage['items'][number]
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
export const READING_STATUSES = ['ok', 'review', 'approved', 'rejected'] as const satisfies readonly MeterReading['status'][]
export type MeterReading = Schema<'MeterReading'>
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
export const reviewMeterReading = (id: number, b: Schema<'MeterReadingReview'>, opts: RequestOptions = {}) =>
  http.post<MeterReading>(`/api/v1/meter-readings/${id}/review`, b, opts)
