// 收费日报: one day's 应收 posted, 实收 by channel and 欠收 at the end of the day, per project.
import { onMounted, reactive, ref } from 'vue'
import * as api from '@/api/reports'
import { today } from '@/utils/time'

export function useDaily() {
  const query = reactive({ project_id: undefined as number | undefined, date: today() })
  const report = ref<api.DailyReport | null>(null)
  const loading = ref(false)
  const exporting = ref(false)
  const params = () => ({ date: query.date, project_id: query.project_id })

  async function load() {
    loading.value = true
    try {
      report.value = await api.getDailyReport(params())
    } catch {
      report.value = null // the request layer showed the error
    } finally {
      loading.value = false
    }
  }
  async function exportXlsx() {
    exporting.value = true
    try {
      await api.exportDaily(params())
    } catch {
      /* shown by the request layer */
    } finally {
      exporting.value = false
    }
  }
  onMounted(load)
  return { query, report, loading, exporting, load, exportXlsx }
}
