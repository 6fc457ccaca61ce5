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
  /** The highest timeline seq the stream announced for the current order. */
  let latestSeq = 0
  const maxSeq = (o: api.WorkOrderDetail) => o.timeline.reduce((m, e) => Math.max(m, e.seq), 0)

  /** Reads the order; `recheck`: read once more if the stream announced a newer entry meanwhile. */
  async function load(recheck = true) {
    const want = id.value
    if (!want) return
    const mine = ++reloadSeq
    loading.value = !order.value || order.value.id !== want
    try {
      const o = await api.getWorkOrder(want)
      if (mine === reloadSeq && id.value === want) {
        order.value = o
        // An entry announced while this read was under way but committed after it.
        if (recheck && latestSeq > maxSeq(o)) void load(false)
      }
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
    latestSeq = 0
    // On (re)connect the server first replays the timeline (after Last-Event-ID), then live
    // entries; an entry may come twice. Only an entry newer than the shown timeline changes
    // anything: it is shown at once and the order reloaded for its status, SLA and actions.
    const s = api.openOrderEvents(orderId, (entry) => {
      if (!entry) return
      latestSeq = Math.max(latestSeq, entry.seq)
      const o = order.value
      if (!o || o.id !== orderId) return // the load under way brings it (load() re-checks latestSeq)
      if (entry.seq <= maxSeq(o)) return
      o.timeline = [...o.timeline, entry].sort((a, b) => a.seq - b.seq)
      void load()
      onChange()
    })
    if (!s) return
    source = s
    s.onopen = () => (live.value = true)
    s.onerror = () => (live.value = false)
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
