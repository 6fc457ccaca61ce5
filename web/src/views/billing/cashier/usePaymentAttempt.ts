// One money-moving submission and its Idempotency-Key. The key belongs to the request body: a
// retry of the same body after a network error, a 5xx or "still in flight" reuses it, so the
// server answers the first result instead of taking the money twice; any other answer ends
// the attempt, and the next submission (or a changed body) gets a new key. Used for the
// desk's payments (POST /api/v1/payments) and prepayments (POST /api/v1/prepayments).
import { ref } from 'vue'
import * as api from '@/api/billing'
import { ApiError } from '@/api/request'

/** Whether the outcome of a payment is unknown, so the same key must be used again. */
export const outcomeUnknown = (e: unknown) =>
  e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.code === 'IDEMPOTENCY_IN_FLIGHT')

/** `send(body, key)` posts the body with the Idempotency-Key. */
export function useIdempotentAttempt<B, R>(send: (body: B, key: string) => Promise<R>) {
  let attempt: { key: string; body: string } | null = null
  /** The last submission's outcome is unknown: tell the cashier to press again. */
  const unsure = ref(false)

  async function pay(body: B): Promise<R> {
    const text = JSON.stringify(body)
    if (!attempt || attempt.body !== text) attempt = { key: api.newIdempotencyKey(), body: text }
    unsure.value = false
    try {
      const r = await send(body, attempt.key)
      attempt = null
      return r
    } catch (e) {
      if (outcomeUnknown(e)) unsure.value = true
      else attempt = null
      throw e
    }
  }
  function reset() {
    attempt = null
    unsure.value = false
  }
  return { pay, unsure, reset }
}

/** A cashier payment (POST /api/v1/payments). */
export const usePaymentAttempt = () => useIdempotentAttempt(api.takePayment)
