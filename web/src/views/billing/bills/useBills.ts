// 账单: the bills the caller may read, filtered by project, house, month and status; house
// codes are shown by label (useOptionLabels).
import { onMounted, watch } from 'vue'
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
  onMounted(list.load)
  return { list, houseCodes, changeProject }
}
