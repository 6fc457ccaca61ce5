// 在线缴费 (online payments): an order at WeChat Pay or Alipay for a house's bills, its state,
// and — in the demo, where the providers are simulators — the simulated payment.
import { http } from './request'
import type { Fen } from './billing'
import type { Schema } from './schema'

export const ONLINE_CHANNELS = ['wechat', 'alipay'] as const satisfies readonly OnlineChannel[]
export type OnlineChannel = Schema<'OnlineOrder'>['channel']

export type OnlineOrder = Schema<'OnlineOrder'>
/** bill_ids: settle these bills (their principal and late fees); the amount is what they owe. */
export type NewOnlineOrder = Schema<'OnlineOrderCreate'>

/** `key` is the Idempotency-Key: the same one again when the same order is retried. */
export const createOnlineOrder = (b: NewOnlineOrder, key: string) =>
  http.post<OnlineOrder>('/api/v1/payments/online', b, { headers: { 'Idempotency-Key': key } })
/** The order; a pending one is looked up at the provider (a lost notify). */
export const getOnlineOrder = (orderNo: string) =>
  http.get<OnlineOrder>(`/api/v1/payments/online/${encodeURIComponent(orderNo)}`, undefined, { quiet: true })
/** Demo: the provider's simulator pays the order and sends its signed notify. */
export const simulateOnlinePayment = (orderNo: string) =>
  http.post<OnlineOrder>(`/api/v1/payments/online/${encodeURIComponent(orderNo)}/simulate`)

/** What a bill still asks for: its principal and its late fee (滞纳金) not yet paid. */
export const billDue = (b: { owed: Fen; late_owed?: Fen }): Fen => b.owed + (b.late_owed ?? 0)
