// 预缴 (prepayments for months ahead): the cashier takes N months of one fee item for a house
// at once. The quote is the plan without writing anything; taking it posts the bills of the
// N periods after the house's latest bill of the item (or from this month) and settles them
// with one payment and its receipt. Under a prepay offer ("预缴12个月送1个月", a discount rule
// of kind prepay) the last months are free: bills with amount 0 and the price as discount.
import { http, type RequestOptions } from './request'
import type { BodyOf, QueryOf, Schema } from './schema'

/** The plan: months (fewer than asked when the item's standard ends earlier), what the house
 *  pays (amount, 分), the offer and its discount, and the bills oldest period first (a free
 *  month: amount 0, its price as discount). */
export type PrepaymentPlan = Schema<'PrepaymentPlan'>
export type PrepaymentBill = PrepaymentPlan['bills'][number]
export type PrepayOffer = NonNullable<PrepaymentPlan['offer']>
/** months: 1..36. */
export type PrepaymentQuery = QueryOf<'quotePrepayment'>
export type NewPrepayment = BodyOf<'takePrepayment'>
/** The plan that was billed, with the payment that settled it (and the payment's receipt). */
export type PrepaymentResult = Schema<'PrepaymentResult'>

export const quotePrepayment = (q: PrepaymentQuery, opts: RequestOptions = {}) =>
  http.get<PrepaymentPlan>('/api/v1/prepayments/quote', { ...q }, opts)
/** `key` is the Idempotency-Key: the same one again when the same prepayment is retried. */
export const takePrepayment = (b: NewPrepayment, key: string) =>
  http.post<PrepaymentResult>('/api/v1/prepayments', b, { headers: { 'Idempotency-Key': key } })
