// One work order, kept current while the page is open: loaded once, then every "timeline"
// event of GET /work-orders/{id}/events (server-sent, same-origin cookie) appends its step at
// once and re-reads the order (status, actions, fees, SLA) in the background. EventSource
// reconnects by itself after a network drop; a re-read after reconnecting catches up.
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { showSuccessToast } from 'vant'
import { ApiError, errorText } from '@/api/request'
import { getWorkOrder, openOrderEvents, type TimelineEntry, type WoStatus, type WorkOrderDetail } from '@/api/workorders'

export function useLiveOrder(id: number) {
  const { t } = useI18n()
  const order = ref<WorkOrderDetail | null>(null)
  const loading = ref(true)
  const failure = ref('')
  const notFound = ref(false)
  const live = ref(false)
  const busy = ref(false)
  let source: EventSource | null = null
  let generation = 0 // only the latest read may land (events can arrive in a burst)

  async function load(quiet = false) {
    const mine = ++generation
    if (!quiet) loading.value = true
    failure.value = ''
    try {
      const o = await getWorkOrder(id, { quiet: true })
      if (mine === generation) order.value = o
    } catch (e) {
      if (mine === generation && (!quiet || !order.value)) {
        notFound.value = e instanceof ApiError && e.status === 404
        failure.value = errorText(e)
      }
    } finally {
      loading.value = false
    }
  }

  /** `entry` null (not JSON): the re-read below still brings the change. */
  function onTimeline(entry: (TimelineEntry & { status?: WoStatus }) | null) {
    const o = order.value
    if (o && entry && typeof entry.seq === 'number' && !o.timeline.some((x) => x.seq === entry.seq)) {
      o.timeline = [...o.timeline, entry].sort((a, b) => a.seq - b.seq)
      if (entry.status) o.status = entry.status
      else if (entry.to_status) o.status = entry.to_status as WoStatus
    }
    void load(true)
  }

  function connect() {
    source = openOrderEvents(id, onTimeline)
    if (!source) return
    source.onopen = () => {
      const reconnect = live.value === false && order.value !== null
      live.value = true
      if (reconnect) void load(true)
    }
    source.onerror = () => { live.value = false }
  }

  /** Runs one action (accept, confirm, …), toasts `done`, re-reads the order (also after a
   *  failure, which the request layer has shown). */
  async function run(action: () => Promise<unknown>, done: string): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    try {
      await action()
      showSuccessToast(t(done))
      await load(true)
      return true
    } catch {
      await load(true) // e.g. 409: someone else acted first; show what the order is now
      return false
    } finally {
      busy.value = false
    }
  }

  onMounted(async () => {
    await load()
    if (order.value) connect()
  })
  onBeforeUnmount(() => {
    source?.close()
    source = null
  })
  return { order, loading, failure, notFound, live, busy, load, run }
}
