// 工单报表: for a month range and project, the monthly volume and SLA attainment (the chart),
// one grouping as a table (staff / category / building / month), the hotspots, the .xlsx
// export and the classifier's accuracy (with retraining).
import { computed, onMounted, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/workorders'
import { thisMonth } from '@/utils/time'

/** "2026-11" minus n months. */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) - n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

export function useWoReports() {
  const { t } = useI18n()
  const query = reactive({
    project_id: undefined as number | undefined,
    months: [monthsBefore(thisMonth(), 11), thisMonth()] as [string, string],
  })
  const group = ref<api.ReportGroup>('staff')
  const monthly = ref<api.Report | null>(null)
  const grouped = ref<api.Report | null>(null)
  const hotspots = ref<api.Hotspots | null>(null)
  const classifier = ref<api.ClassifierStats | null>(null)
  const loading = ref(false)
  const exporting = ref(false)
  const training = ref(false)
  const params = (): api.ReportQuery => ({ from: query.months[0], to: query.months[1], project_id: query.project_id })

  async function loadGroup() {
    try {
      grouped.value = await api.getReport({ ...params(), group: group.value })
    } catch {
      grouped.value = null // shown by the request layer
    }
  }
  async function load() {
    loading.value = true
    try {
      const [m, h] = await Promise.allSettled([api.getReport({ ...params(), group: 'month' }), api.getHotspots(params()), loadGroup()])
      monthly.value = m.status === 'fulfilled' ? m.value : null
      hotspots.value = h.status === 'fulfilled' ? h.value : null
    } finally {
      loading.value = false
    }
  }
  async function loadClassifier() {
    try {
      classifier.value = await api.getClassifier()
    } catch {
      classifier.value = null
    }
  }
  async function retrain() {
    training.value = true
    try {
      classifier.value = await api.trainClassifier()
      ElMessage.success(t('wo.reports.trained'))
    } catch {
      /* shown */
    } finally {
      training.value = false
    }
  }
  async function exportXlsx() {
    exporting.value = true
    try {
      await api.exportReport(params())
    } catch {
      /* shown */
    } finally {
      exporting.value = false
    }
  }
  watch(group, loadGroup)

  const months = computed(() => [...(monthly.value?.rows ?? [])].sort((a, b) => a.key.localeCompare(b.key)))
  const option = computed(() => ({
    grid: { left: 56, right: 56, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { dataIndex: number }[]) => {
        const r = months.value[ps[0]?.dataIndex ?? 0]
        if (!r) return ''
        return [r.name || r.key, `${t('wo.reports.volume')}: ${r.volume}`, `${t('wo.reports.completed')}: ${r.completed}`,
          `${t('wo.reports.slaRate')}: ${api.formatPermille(r.sla_rate)}`].join('<br/>')
      },
    },
    xAxis: { type: 'category', data: months.value.map((r) => r.name || r.key) },
    yAxis: [{ type: 'value', name: t('wo.reports.volume'), minInterval: 1 }, { type: 'value', name: '%', min: 0, max: 100 }],
    series: [
      { type: 'bar', name: t('wo.reports.volume'), data: months.value.map((r) => r.volume), barMaxWidth: 36 },
      { type: 'bar', name: t('wo.reports.completed'), data: months.value.map((r) => r.completed), barMaxWidth: 36 },
      // Percent for the axis only (per-mille / 10).
      { type: 'line', name: t('wo.reports.slaRate'), yAxisIndex: 1, data: months.value.map((r) => (r.sla_rate === null ? null : r.sla_rate / 10)) },
    ],
    color: ['#91a7ff', '#37b24d', '#f08c00'],
  }))

  onMounted(() => {
    void load()
    void loadClassifier()
  })
  return { query, group, monthly, grouped, hotspots, classifier, loading, exporting, training, load, retrain, exportXlsx, months, option }
}

/** 425 (rating × 100) → "4.25"; null → "—". */
export function formatRating(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return `${Math.trunc(v / 100)}.${String(Math.abs(v % 100)).padStart(2, '0')}`
}
/** Average minutes rounded to whole minutes; null → "—". */
export const formatMinutes = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(Math.round(v)))
