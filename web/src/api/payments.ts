// 在线缴费 (online payments): an order at WeChat Pay or Alipay for a house's bills, its state,
// and — in the demo, where the providers are simulators — the simulated payment.
import { http } from './request'
import type { Fen } from './billing'

export const ONLINE_CHANNELS = ['wechat', 'alipay'] as const
export type OnlineChannel = (typeof ONLINE_CHANNELS)[number]

export interface OnlineOrder {
  id: number
  project_id: number
  house_id: number
  order_no: string
  channel: OnlineChannel
  amount: Fen
  status: 'pending' | 'paid'
  payment_id: number | null
  created_at: string
  paid_at: string | null
}
export interface NewOnlineOrder {
  house_id: number
  channel: OnlineChannel
  /** Settle these bills (their principal and late fees); the order's amount is what they owe. */
  bill_ids?: number[]
}

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
