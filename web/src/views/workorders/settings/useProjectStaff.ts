// A settings tab's project (the first visible one to start with) and that project's
// work-order staff and buildings.
import { onMounted, ref, watch } from 'vue'
import * as api from '@/api/workorders'
import { useProjectsStore } from '@/stores/projects'
import { useBuildingNames } from '@/views/billing/useBuildingNames'

export function useProjectStaff() {
  const projects = useProjectsStore()
  const projectId = ref<number | undefined>()
  const staff = ref<api.WoStaff[]>([])
  const loading = ref(false)
  const buildings = useBuildingNames()

  async function loadStaff() {
    const p = projectId.value
    staff.value = []
    if (!p) return
    loading.value = true
    try {
      staff.value = (await api.listWoStaff(p)).items
    } catch {
      /* shown */
    } finally {
      loading.value = false
    }
  }
  watch(projectId, (p) => {
    buildings.load([p])
    void loadStaff()
  })
  onMounted(async () => {
    const ps = await projects.load().catch(() => [])
    if (!projectId.value && ps.length) projectId.value = ps[0].id
  })
  return { projectId, staff, loading, loadStaff, buildings }
}
