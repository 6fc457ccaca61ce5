// One order in the drawer: loaded by id, kept live by the order's event stream (an event named
// "timeline" carries one timeline entry; the entry is shown at once and the order reloaded for
// its new status, SLA and actions). EventSource reconnects by itself; `live` says whether the
// stream is open now.
import { onBeforeUnmount, ref, watch, type Ref } from 'vue'
import * as api from '@/api/workorders'

export function useOrder(id: Ref<number | null>, onChange: () => void) {
  const order = ref<api.WorkOrderDetail | null>(null)
  const loading = ref(false)
  const live = ref(false)
  let source: EventSource | null = null
  let reloadSeq = 0

  async function load() {
    const want = id.value
    if (!want) return
    const mine = ++reloadSeq
    loading.value = !order.value || order.value.id !== want
    try {
      const o = await api.getWorkOrder(want)
      if (mine === reloadSeq && id.value === want) order.value = o
    } catch {
      if (mine === reloadSeq && order.value?.id !== want) order.value = null // shown by the request layer
    } finally {
      if (mine === reloadSeq) loading.value = false
    }
  }

  function close() {
    source?.close()
    source = null
    live.value = false
  }
  function listen(orderId: number) {
    close()
    if (typeof EventSource === 'undefined') return
    const s = new EventSource(api.eventsUrl(orderId), { withCredentials: true })
    source = s
    s.onopen = () => (live.value = true)
    s.onerror = () => (live.value = false)
    s.addEventListener('timeline', (ev) => {
      let entry: api.TimelineEntry | null = null
      try {
        entry = JSON.parse((ev as MessageEvent<string>).data) as api.TimelineEntry
      } catch {
        /* not JSON: reload anyway */
      }
      const o = order.value
      if (o && o.id === orderId && entry && !o.timeline.some((e) => e.seq === entry!.seq)) {
        o.timeline = [...o.timeline, entry].sort((a, b) => a.seq - b.seq)
      }
      void load()
      onChange()
    })
  }

  watch(id, (v) => {
    if (!v) {
      close()
      order.value = null
      return
    }
    void load()
    listen(v)
  }, { immediate: true })
  onBeforeUnmount(close)

  /** Applies an action's answer (the updated order) and tells the list. */
  function replace(o: api.WorkOrderDetail) {
    if (o && typeof o === 'object' && 'id' in o) order.value = o
    else void load()
    onChange()
  }
  return { order, loading, live, load, replace }
}
