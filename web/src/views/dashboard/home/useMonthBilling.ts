// The home screen's billing card: receivable / received / outstanding of this month's bills
// (应收 / 实收 / 欠收), summed in 分 over GET /api/v1/bills?period=… in pages of 100, fetched
// four at a time, once `start()` is true (after the home screen's other figures, so it never
// delays them); above MAX_PAGES pages it gives up and points to the bill list (a report will replace this).
import { reactive, watch } from 'vue'
import { listBills } from '@/api/billing'
import { useSessionStore } from '@/stores/session'
import { thisMonth } from '@/utils/time'

const SIZE = 100
const MAX_PAGES = 50
const PARALLEL = 4

export function useMonthBilling(start: () => boolean) {
  const session = useSessionStore()
  const state = reactive({
    enabled: session.can('billing:bill:read'), loading: false, period: thisMonth(),
    count: 0, receivable: 0, received: 0, arrears: 0, tooMany: false, failed: false,
  })

  async function load() {
    if (!state.enabled) return
    state.loading = true
    const sums = { receivable: 0, received: 0, arrears: 0 }
    const add = (items: { amount: number; paid: number; owed: number }[]) => {
      for (const b of items) {
        sums.receivable += b.amount
        sums.received += b.paid
        sums.arrears += b.owed
      }
    }
    try {
      const q = { period: state.period, size: SIZE }
      const first = await listBills({ ...q, page: 1 }, { quiet: true })
      const pages = Math.ceil(first.total / SIZE)
      state.count = first.total
      if (pages > MAX_PAGES) {
        state.tooMany = true
        return
      }
      add(first.items)
      for (let p = 2; p <= pages; p += PARALLEL) {
        const batch = []
        for (let i = p; i < p + PARALLEL && i <= pages; i++) batch.push(listBills({ ...q, page: i }, { quiet: true }))
        for (const r of await Promise.all(batch)) add(r.items)
      }
      Object.assign(state, sums)
    } catch {
      state.failed = true
    } finally {
      state.loading = false
    }
  }
  let started = false
  watch(start, (go) => {
    if (!go || started) return
    started = true
    void load()
  }, { immediate: true })
  return state
}
