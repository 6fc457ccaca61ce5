// 缴费: pick open bills of one house (all by default), choose WeChat Pay or Alipay, open the
// order — with one Idempotency-Key per order attempt, reused when the same attempt is
// retried — then, since the demo has only the providers' simulators, 模拟支付; then poll the
// order until it is paid (the server asks the provider when a notify was lost).
import { computed, onMounted, ref, watch } from 'vue'
import { listBills, newIdempotencyKey, type Bill } from '@/api/billing'
import { listHouses, type House } from '@/api/property'
import * as pay from '@/api/payments'
import { sumFen } from '@/utils/money'

const POLL_MS = 1000
const POLL_TRIES = 15
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export type PayStep = 'pick' | 'confirm' | 'done'

export function usePay() {
  const houses = ref<House[]>([])
  const bills = ref<Bill[]>([])
  const houseId = ref<number | null>(null)
  const picked = ref<number[]>([])
  const channel = ref<pay.OnlineChannel>('wechat')
  const order = ref<pay.OnlineOrder | null>(null)
  const step = ref<PayStep>('pick')
  const loading = ref(true)
  const busy = ref(false)
  /** The order stayed pending through every poll: the user may check again. */
  const stillPending = ref(false)
  let attempt: { body: string; key: string } | null = null

  const payable = computed(() => houses.value.filter((h) => bills.value.some((b) => b.house_id === h.id)))
  const houseBills = computed(() => bills.value.filter((b) => b.house_id === houseId.value))
  const total = computed(() => sumFen(houseBills.value.filter((b) => picked.value.includes(b.id)).map(pay.billDue)))
  watch(houseId, () => { picked.value = houseBills.value.map((b) => b.id) })

  async function load() {
    loading.value = true
    try {
      const [h, b] = await Promise.all([listHouses({ page: 1, size: 100 }), listBills({ status: 'open', page: 1, size: 100 })])
      houses.value = h.items
      bills.value = b.items
      houseId.value = payable.value[0]?.id ?? null
      picked.value = houseBills.value.map((x) => x.id)
    } catch {
      /* the request layer showed the error */
    } finally {
      loading.value = false
    }
  }

  async function placeOrder() {
    if (!houseId.value || !picked.value.length) return
    // Picked bills in the list's order (oldest due first): they are settled in that order.
    const body = { house_id: houseId.value, channel: channel.value, bill_ids: houseBills.value.map((b) => b.id).filter((id) => picked.value.includes(id)) }
    const text = JSON.stringify(body)
    if (!attempt || attempt.body !== text) attempt = { body: text, key: newIdempotencyKey() }
    busy.value = true
    try {
      order.value = await pay.createOnlineOrder(body, attempt.key)
      step.value = 'confirm'
    } catch {
      /* shown; a retry of the same selection reuses the key */
    } finally {
      busy.value = false
    }
  }

  async function poll() {
    stillPending.value = false
    for (let i = 0; i < POLL_TRIES && order.value; i++) {
      const o = await pay.getOnlineOrder(order.value.order_no).catch(() => null)
      if (o?.status === 'paid') {
        order.value = o
        step.value = 'done'
        attempt = null
        await load()
        return
      }
      await sleep(POLL_MS)
    }
    stillPending.value = true
  }

  async function simulate() {
    if (!order.value) return
    busy.value = true
    try {
      await pay.simulateOnlinePayment(order.value.order_no)
      await poll()
    } catch {
      /* shown by the request layer */
    } finally {
      busy.value = false
    }
  }

  function again() {
    order.value = null
    step.value = 'pick'
  }

  onMounted(load)
  return { houses, payable, houseId, houseBills, picked, channel, order, step, loading, busy, stillPending, total, placeOrder, simulate, poll, again }
}
