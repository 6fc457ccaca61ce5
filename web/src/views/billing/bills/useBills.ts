// 账单: the bills the caller may read, filtered by project, house, month and status; house
// codes are shown by label (useOptionLabels). A link may preset the filters:
// /admin/billing/bills?period=2026-12&status=open&project_id=1 (the home screen's 待办).
import { onMounted, watch } from 'vue'
import { useRoute } from 'vue-router'
import * as api from '@/api/billing'
import { usePagedList } from '@/composables/usePagedList'
import { houseSource } from '@/components/pickers/sources'
import { useOptionLabels } from '@/components/pickers/useOptionLabels'

export function useBills() {
  const list = usePagedList(api.listBills, {
    project_id: undefined as number | undefined, house_id: undefined as number | undefined,
    period: '' as string | null, status: '',
  })
  const houseCodes = useOptionLabels(houseSource())
  watch(list.items, (items) => houseCodes.load(items.map((b) => b.house_id)))
  /** The house picker searches the chosen project; another project clears the house. */
  function changeProject() {
    list.query.house_id = undefined
    return list.search()
  }
  const route = useRoute()
  onMounted(() => {
    const q = route.query
    if (typeof q.period === 'string' && /^\d{4}-\d{2}$/.test(q.period)) list.query.period = q.period
    if (q.status === 'open' || q.status === 'paid') list.query.status = q.status
    if (typeof q.project_id === 'string' && /^\d+$/.test(q.project_id)) list.query.project_id = Number(q.project_id)
    return list.load()
  })
  return { list, houseCodes, changeProject }
}
