// 欠费账龄: what is overdue on a day, grouped by project, building or house and split by days
// overdue; the chart stacks the five buckets of the rows on this page.
import { computed, onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import * as api from '@/api/billing'
import { exportArrears } from '@/api/reports'
import { usePagedList } from '@/composables/usePagedList'
import { useProjectsStore } from '@/stores/projects'
import { today } from '@/utils/time'
import { formatYuan } from '@/utils/money'
import { useBuildingNames } from '../useBuildingNames'

export function useArrears() {
  const { t } = useI18n()
  const projects = useProjectsStore()
  const buildings = useBuildingNames()
  /** All groups' overdue total (the server sums every page). */
  const owed = ref(0)
  const list = usePagedList(async (q: api.ArrearsFilter) => {
    const r = await api.listArrears(q)
    owed.value = r.owed
    return r
  }, {
    project_id: undefined as number | undefined,
    group: 'project' as api.ArrearsGroup,
    as_of: today() as string | null,
  })

  watch(list.items, async (items) => {
    if (list.query.group !== 'building') return
    if (list.query.project_id) return buildings.load([list.query.project_id])
    const all = await projects.load().catch(() => [])
    buildings.load(all.map((p) => p.id))
  })

  /** The group's name: project name, building name or house code. */
  function label(row: api.ArrearsRow): string {
    if (row.house_id) return row.house_code ?? `#${row.house_id}`
    if (row.building_id) return buildings.name(row.building_id)
    return projects.nameOf(row.project_id)
  }

  const option = computed(() => {
    const rows = list.items.value
    return {
      grid: { left: 72, right: 24, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number; seriesIndex: number; marker: string; seriesName: string }[]) => {
          const row = rows[ps[0]?.dataIndex ?? 0]
          if (!row) return ''
          const lines = ps.map((p) => `${p.marker}${p.seriesName}: ${formatYuan(row.buckets[api.AGING_BUCKETS[p.seriesIndex]])}`)
          return [`${label(row)}: ${formatYuan(row.owed)}`, ...lines].join('<br/>')
        },
      },
      xAxis: { type: 'category', data: rows.map(label) },
      yAxis: { type: 'value', name: '¥' },
      series: api.AGING_BUCKETS.map((b) => ({
        type: 'bar',
        stack: 'aging',
        name: t(`billing.aging.buckets.${b}`),
        barMaxWidth: 48,
        // Yuan for the axis only: whole fen / 100 is exact enough for a bar's height.
        data: rows.map((r) => r.buckets[b] / 100),
      })),
      color: ['#f2c94c', '#f2994a', '#eb5757', '#b03a48', '#6b1f2a'],
    }
  })

  /** Every group (not only this page) as .xlsx, with the same filter. */
  const exporting = ref(false)
  async function exportXlsx() {
    exporting.value = true
    const { project_id, group, as_of } = list.query
    await exportArrears({ project_id, group, as_of }).catch(() => {}) // shown by the request layer
    exporting.value = false
  }

  onMounted(list.load)
  return { list, owed, label, option, exporting, exportXlsx }
}
