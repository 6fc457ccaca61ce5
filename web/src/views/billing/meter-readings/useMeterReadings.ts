// 抄表: readings by project, month, building and status; a reading held for review (用量异常)
// is approved or rejected with a note.
import { onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/billing'
import { errorText } from '@/api/request'
import { usePagedList } from '@/composables/usePagedList'
import { houseSource } from '@/components/pickers/sources'
import { useOptionLabels } from '@/components/pickers/useOptionLabels'
import { thisMonth } from '@/utils/time'
import { useBuildingNames } from '../useBuildingNames'

export function useMeterReadings() {
  const { t } = useI18n()
  const list = usePagedList(api.listMeterReadings, {
    project_id: undefined as number | undefined, building_id: undefined as number | undefined,
    period: thisMonth() as string | null, status: '',
  })
  const houseCodes = useOptionLabels(houseSource())
  const buildings = useBuildingNames()
  watch(list.items, (items) => {
    houseCodes.load(items.map((r) => r.house_id))
    buildings.load(items.map((r) => r.project_id))
  })
  /** Another project clears the building (its options are the project's buildings). */
  function changeProject() {
    list.query.building_id = undefined
    buildings.load([list.query.project_id])
    return list.search()
  }
  /** After an import: that project's readings of that month. */
  function showImported(projectId: number, period: string) {
    list.query.project_id = projectId
    list.query.period = period
    list.query.status = ''
    return changeProject()
  }

  // 审核
  const reviewing = ref<api.MeterReading | null>(null)
  const note = ref('')
  const reviewError = ref('')
  const saving = ref(false)
  function openReview(r: api.MeterReading) {
    reviewing.value = r
    note.value = ''
    reviewError.value = ''
  }
  async function review(approve: boolean) {
    const r = reviewing.value
    if (!r) return
    saving.value = true
    reviewError.value = ''
    try {
      const text = note.value.trim()
      await api.reviewMeterReading(r.id, text ? { approve, note: text } : { approve }, { quiet: true })
      reviewing.value = null
      ElMessage.success(t('billing.meter.reviewed'))
      await list.load()
    } catch (err) {
      reviewError.value = errorText(err)
    } finally {
      saving.value = false
    }
  }

  onMounted(list.load)
  return { list, houseCodes, buildings, changeProject, showImported, reviewing, note, reviewError, saving, openReview, review }
}
