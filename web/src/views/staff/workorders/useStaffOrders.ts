// The engineer's four lists: 待接单 (assigned to me), 处理中 (accepted / on site / paused),
// 超时 (mine, past an SLA due time) and 抢单 (the grab pool of my skills). All four load at
// once so every tab shows its count; grabbing is accepting.
import { onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { showSuccessToast } from 'vant'
import * as api from '@/api/workorders'

export const TABS = ['assigned', 'progress', 'overdue', 'grab'] as const
export type TabName = (typeof TABS)[number]
const SIZE = 50

export function useStaffOrders() {
  const { t } = useI18n()
  const lists = reactive<Record<TabName, api.WorkOrder[]>>({ assigned: [], progress: [], overdue: [], grab: [] })
  const totals = reactive<Record<TabName, number>>({ assigned: 0, progress: 0, overdue: 0, grab: 0 })
  const loading = ref(true)
  const failed = ref(false)
  const grabbing = ref<number | null>(null)

  async function load() {
    loading.value = true
    failed.value = false
    try {
      const [a, p, o, g] = await Promise.all([
        api.listWorkOrders({ mine: true, status: 'assigned', size: SIZE }),
        api.listWorkOrders({ mine: true, status: api.WO_IN_PROGRESS.join(','), size: SIZE }),
        api.listWorkOrders({ mine: true, overdue: true, status: ['assigned', ...api.WO_IN_PROGRESS].join(','), size: SIZE }),
        api.listGrab(),
      ])
      lists.assigned = a.items; totals.assigned = a.total
      lists.progress = p.items; totals.progress = p.total
      lists.overdue = o.items; totals.overdue = o.total
      lists.grab = g.items; totals.grab = g.total ?? g.items.length
    } catch {
      failed.value = true // the request layer showed the error
    } finally {
      loading.value = false
    }
  }
  onMounted(load)

  /** Grabs an order of the pool; true when it is now mine. */
  async function grab(id: number): Promise<boolean> {
    grabbing.value = id
    try {
      await api.acceptOrder(id)
      showSuccessToast(t('woMobile.grabbed'))
      return true
    } catch {
      await load() // someone else was faster: the pool has changed
      return false
    } finally {
      grabbing.value = null
    }
  }
  return { lists, totals, loading, failed, grabbing, load, grab }
}
