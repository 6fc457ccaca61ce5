// 账单生成: a dry run (预览) of one, several or all projects for a month shows what a run would
// add, per project and per fee item, and what exists already; 生成账单 commits after a confirm.
// Runs are idempotent on the server (one bill per house, fee item and period), so running
// again only adds what is missing.
//
// The request names `project_id` for one project (the reply is that project's report),
// `project_ids` for several, and neither for 全部项目 (every project the caller may bill; the
// reply is a summary with one report per project). Both replies are normalised to `Shown`.
// A preview's title says what is true of the month: 尚未生成 (no bill of it exists), 部分生成
// (some exist and some would be added), 已生成 (all exist, nothing to add).
import { computed, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import * as api from '@/api/billing'
import { useProjectsStore } from '@/stores/projects'
import { formatYuan } from '@/utils/money'
import { thisMonth } from '@/utils/time'

export type RunState = 'none' | 'partial' | 'done' | 'empty'

/** A reply, one project or several, with the sums and the scope it was asked for. */
export interface Shown {
  /** Which projects were asked for: 'all', or the ids (one or more). */
  scope: 'all' | number[]
  period: string
  dry_run: boolean
  houses: number
  bills: number
  amount: number
  discount: number
  existing: number
  projects: api.BillRun[]
}

/** 尚未生成 / 部分生成 / 已生成 (or nothing to bill) from a report's counts. */
export function runState(r: { bills: number; existing: number }): RunState {
  if (r.existing === 0) return r.bills === 0 ? 'empty' : 'none'
  return r.bills === 0 ? 'done' : 'partial'
}

const sameScope = (a: 'all' | number[], b: 'all' | number[]) =>
  a === 'all' || b === 'all' ? a === b : a.length === b.length && a.every((id) => b.includes(id))

export function useBillRun() {
  const { t } = useI18n()
  const projects = useProjectsStore()
  /** The chosen projects (ignored while `all` is on). */
  const projectIds = ref<number[]>([])
  const all = ref(false)
  const period = ref<string>(thisMonth())
  const running = ref<'preview' | 'generate' | null>(null)
  /** The last answer (a preview or a committed run), for the scope and month it was for. */
  const shown = ref<Shown | null>(null)

  onMounted(async () => {
    try {
      const list = await projects.load()
      if (!projectIds.value.length && list.length) projectIds.value = [list[0].id]
    } catch {
      /* shown */
    }
  })

  const scope = computed<'all' | number[]>(() => (all.value ? 'all' : [...projectIds.value]))
  const ready = computed(() => !!period.value && (all.value || projectIds.value.length > 0))
  const current = computed(() => !!shown.value && shown.value.period === period.value && sameScope(shown.value.scope, scope.value))

  /** "锦华苑", "锦华苑、翠湖湾" or "全部项目". */
  function scopeName(s: 'all' | number[]): string {
    if (s === 'all') return t('billing.allProjects')
    return s.map((id) => projects.nameOf(id)).join(t('billing.projectJoin'))
  }
  const title = computed(() => {
    const s = shown.value
    if (!s) return ''
    const args = { project: scopeName(s.scope), period: s.period, state: t(`billing.runStates.${runState(s)}`) }
    return t(s.dry_run ? 'billing.previewTitle' : 'billing.resultTitle', args)
  })

  function normalise(r: api.BillRun | api.BillRunSummary, s: 'all' | number[]): Shown {
    const list = 'projects' in r ? r.projects : [r]
    return {
      scope: s, period: r.period, dry_run: r.dry_run, houses: r.houses, bills: r.bills, amount: r.amount,
      existing: r.existing, discount: list.reduce((sum, p) => sum + p.discount, 0), projects: list,
    }
  }

  async function run(dryRun: boolean): Promise<Shown | null> {
    if (!ready.value) return null
    const s = scope.value
    running.value = dryRun ? 'preview' : 'generate'
    try {
      const which = s === 'all' ? {} : s.length === 1 ? { project_id: s[0] } : { project_ids: s }
      return normalise(await api.runBills({ ...which, period: period.value, dry_run: dryRun }), s)
    } catch {
      return null // shown
    } finally {
      running.value = null
    }
  }
  async function preview() {
    const r = await run(true)
    if (r) shown.value = r
  }
  async function generate() {
    if (!current.value || !shown.value) return
    const s = shown.value
    const args = { project: scopeName(s.scope), period: period.value, bills: s.bills, amount: formatYuan(s.amount) }
    const text = s.dry_run && s.existing === 0 ? t('billing.confirmGenerate', args) : t('billing.confirmAgain', args)
    try {
      await ElMessageBox.confirm(text, t('common.confirmTitle'), { type: 'warning' })
    } catch {
      return
    }
    const r = await run(false)
    if (!r) return
    shown.value = r
    ElMessage.success(t('billing.generated', { bills: r.bills, amount: formatYuan(r.amount), existing: r.existing }))
  }
  return { projectIds, all, period, running, shown, current, ready, title, scopeName, preview, generate }
}
