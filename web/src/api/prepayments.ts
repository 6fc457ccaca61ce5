// 预缴 (prepayments for months ahead): the cashier takes N months of one fee item for a house
// at once. The quote is the plan without writing anything; taking it posts the bills of the
// N periods after the house's latest bill of the item (or from this month) and settles them
// with one payment and its receipt. Under a prepay offer ("预缴12个月送1个月", a discount rule
// of kind prepay) the last months are free: bills with amount 0 and the price as discount.
import { http, type RequestOptions } from './request'
import type { Fen, PaymentResult } from './billing'

export interface PrepaymentBill {
  /** "YYYY-MM" */
  period: string
  /** What the month costs after the offer (0 for a free month). */
  amount: Fen
  /** Taken off by the offer (the month's price for a free month, else 0). */
  discount: Fen
}
export interface PrepayOffer {
  rule_id: number
  name: string
  months_free: number
}
export interface PrepaymentPlan {
  house_id: number
  fee_item_id: number
  /** The months planned: fewer than asked when the item's standard ends earlier. */
  months: number
  /** What the house pays, in 分. */
  amount: Fen
  discount: Fen
  offer: PrepayOffer | null
  /** Oldest period first. */
  bills: PrepaymentBill[]
}
export interface PrepaymentQuery {
  house_id: number
  fee_item_id: number
  /** 1..36 */
  months: number
}
export interface NewPrepayment extends PrepaymentQuery {
  channel: string
  note?: string
}
/** The plan that was billed, with the payment that settled it (and the payment's receipt). */
export interface PrepaymentResult extends PrepaymentPlan {
  payment: PaymentResult
}

export const quotePrepayment = (q: PrepaymentQuery, opts: RequestOptions = {}) =>
  http.get<PrepaymentPlan>('/api/v1/prepayments/quote', { ...q }, opts)
/** `key` is the Idempotency-Key: the same one again when the same prepayment is retried. */
export const takePrepayment = (b: NewPrepayment, key: string) =>
  http.post<PrepaymentResult>('/api/v1/prepayments', b, { headers: { 'Idempotency-Key': key } })
