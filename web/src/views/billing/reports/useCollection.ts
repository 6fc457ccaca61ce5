// 收缴报表: 应收 / 实收 / 欠收, 当期收缴率 and 清欠率 per project and month, and the trend by
// month over the shown projects (sums in 分; the chart's rate is Σ实收 / Σ应收 in basis points).
import { computed, onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import * as api from '@/api/reports'
import { formatYuan } from '@/utils/money'
import { thisMonth } from '@/utils/time'

/** "2026-11" minus n months. */
function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) - n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

export function useCollection() {
  const { t } = useI18n()
  const query = reactive({
    project_id: undefined as number | undefined,
    months: [monthsBefore(thisMonth(), 11), thisMonth()] as [string, string],
  })
  const report = ref<api.CollectionReport | null>(null)
  const loading = ref(false)
  const exporting = ref(false)
  const params = () => ({ from: query.months[0], to: query.months[1], project_id: query.project_id })

  async function load() {
    loading.value = true
    try {
      report.value = await api.getCollectionReport(params())
    } catch {
      report.value = null // the request layer showed the error
    } finally {
      loading.value = false
    }
  }
  async function exportXlsx() {
    exporting.value = true
    try {
      await api.exportCollection(params())
    } catch {
      /* shown by the request layer */
    } finally {
      exporting.value = false
    }
  }

  /** Per month over the rows: Σ应收, Σ实收 and the rate from those sums. */
  const trend = computed(() => {
    const by = new Map<string, { receivable: number; received: number }>()
    for (const r of report.value?.items ?? []) {
      const m = by.get(r.month) ?? { receivable: 0, received: 0 }
      m.receivable += r.receivable
      m.received += r.received
      by.set(r.month, m)
    }
    return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({
      month, ...m, rate_bp: m.receivable > 0 ? Math.floor((m.received * 10000) / m.receivable) : null,
    }))
  })
  const option = computed(() => ({
    grid: { left: 80, right: 64, top: 40, bottom: 32 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (ps: { dataIndex: number }[]) => {
        const m = trend.value[ps[0]?.dataIndex ?? 0]
        if (!m) return ''
        return [m.month, `${t('reports.receivable')}: ${formatYuan(m.receivable)}`,
          `${t('reports.received')}: ${formatYuan(m.received)}`,
          `${t('reports.rate')}: ${api.formatRate(m.rate_bp)}`].join('<br/>')
      },
    },
    xAxis: { type: 'category', data: trend.value.map((m) => m.month) },
    yAxis: [{ type: 'value', name: '¥' }, { type: 'value', name: '%', max: 100, min: 0 }],
    series: [
      // 元 and percent for the axes only: bar heights need no exact fen.
      { type: 'bar', name: t('reports.receivable'), data: trend.value.map((m) => m.receivable / 100), barMaxWidth: 36 },
      { type: 'bar', name: t('reports.received'), data: trend.value.map((m) => m.received / 100), barMaxWidth: 36 },
      { type: 'line', name: t('reports.rate'), yAxisIndex: 1, data: trend.value.map((m) => (m.rate_bp === null ? null : m.rate_bp / 100)) },
    ],
    color: ['#91a7ff', '#37b24d', '#f08c00'],
  }))

  onMounted(load)
  return { query, report, loading, exporting, load, exportXlsx, trend, option }
}
