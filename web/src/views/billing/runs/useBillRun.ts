// 账单生成: a dry run (预览) of one project and month shows what a run would add per fee
// item and what exists already; 生成账单 commits after a confirm. Runs are idempotent on the
// server (one bill per house, fee item and period), so running again only adds what is missing.
import { computed, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import * as api from '@/api/billing'
import { useProjectsStore } from '@/stores/projects'
import { formatYuan } from '@/utils/money'
import { thisMonth } from '@/utils/time'

export function useBillRun() {
  const { t } = useI18n()
  const projects = useProjectsStore()
  const projectId = ref<number | undefined>()
  const period = ref<string>(thisMonth())
  const running = ref<'preview' | 'generate' | null>(null)
  /** The last answer (a preview or a committed run), for the project and month it was for. */
  const shown = ref<api.BillRun | null>(null)

  onMounted(async () => {
    try {
      const list = await projects.load()
      if (!projectId.value && list.length) projectId.value = list[0].id
    } catch {
      /* shown */
    }
  })

  const current = computed(() => !!shown.value && shown.value.project_id === projectId.value && shown.value.period === period.value)
  const title = computed(() => {
    if (!shown.value) return ''
    const args = { project: projects.nameOf(shown.value.project_id), period: shown.value.period }
    return t(shown.value.dry_run ? 'billing.previewTitle' : 'billing.resultTitle', args)
  })

  async function run(dryRun: boolean) {
    if (!projectId.value || !period.value) return null
    running.value = dryRun ? 'preview' : 'generate'
    try {
      return await api.runBills({ project_id: projectId.value, period: period.value, dry_run: dryRun })
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
    const args = { project: projects.nameOf(projectId.value), period: period.value, bills: s.bills, amount: formatYuan(s.amount) }
    const text = s.dry_run ? t('billing.confirmGenerate', args) : t('billing.confirmAgain', args)
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
  return { projectId, period, running, shown, current, title, preview, generate }
}
