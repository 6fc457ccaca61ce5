// The 数据导入 step flow: kind + project → upload (always a dry run, polled until finished)
// → 确认导入 (commits the dry run's file as a new batch, polled) → the final counts.
//
// Contracts
// - Changing the kind or the project forgets the file and its dry run; changing 全部成功才导入
//   checks the same file again (the option belongs to the upload, and a commit reuses the
//   dry run's options).
// - Only the newest upload's poll updates the page (`gen`); leaving the page stops polling.
// - Once committed the choices are locked until 继续导入 (reset) starts over.
import { computed, h, onBeforeUnmount, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import * as api from '@/api/imports'
import { useProjectsStore } from '@/stores/projects'

/** About how many data rows a CSV holds (non-empty lines after the header), for the progress
 *  bar; null for .xlsx (unknown until the server read it). Quoted line breaks make it rough. */
async function estimateRows(file: File): Promise<number | null> {
  if (api.formatOf(file.name) !== 'csv') return null
  const lines = (await file.text()).split(/\r?\n/).filter((l) => l.trim() !== '')
  return Math.max(lines.length - 1, 0)
}

export function useImportFlow() {
  const { t } = useI18n()
  const projects = useProjectsStore()
  const kind = ref<api.ImportKind>('houses')
  const projectId = ref<number | undefined>()
  const allOrNothing = ref(false)
  const file = ref<File | null>(null)
  const estimate = ref<number | null>(null)
  const dryRun = ref<api.ImportBatch | null>(null)
  const commit = ref<api.ImportBatch | null>(null)
  const busy = ref<'upload' | 'commit' | null>(null)
  let gen = 0
  let left = false
  onBeforeUnmount(() => { left = true })

  const dryReport = computed(() => api.reportOf(dryRun.value))
  const committed = computed(() => commit.value !== null)
  /** The dry run finished with a report (a file error leaves nothing to commit). */
  const checked = computed(() =>
    !committed.value && busy.value === null && dryRun.value?.status === 'done' && !!dryReport.value && !dryReport.value.file_error)
  /** Rows the commit would write (api.importableRows); 0 keeps 确认导入 disabled. */
  const importable = computed(() => (dryRun.value && checked.value ? api.importableRows(dryRun.value) : 0))
  const canCommit = computed(() => checked.value && importable.value > 0)
  /** el-steps: 0 choose, 1 upload, 2 confirm, 3 done (committing), 4 all done. */
  const step = computed(() => {
    if (!projectId.value) return 0
    if (commit.value) return api.isRunning(commit.value) ? 3 : 4
    if (!dryRun.value || api.isRunning(dryRun.value) || !canCommit.value) return 1
    return 2
  })

  function reset() {
    gen++
    file.value = null
    estimate.value = null
    dryRun.value = null
    commit.value = null
    busy.value = null
  }
  watch([kind, projectId], () => { if (!committed.value) reset() })
  watch(allOrNothing, () => { if (file.value && !committed.value) void check(file.value) })

  /** el-upload's before-upload: refuses what the server would (type, size) with a message. */
  function accept(f: File): boolean {
    const problem = !api.formatOf(f.name) ? 'imports.badType' : f.size > api.MAX_UPLOAD_BYTES ? 'imports.tooLarge' : ''
    if (problem) ElMessage.error(t(problem))
    return !problem
  }

  /** Uploads the file as a dry run and follows it until finished. */
  async function check(f: File) {
    if (!projectId.value) return
    const mine = ++gen
    const stale = () => left || mine !== gen
    file.value = f
    dryRun.value = null
    commit.value = null
    busy.value = 'upload'
    try {
      estimate.value = await estimateRows(f)
      const opts = { kind: kind.value, project_id: projectId.value, dry_run: true, all_or_nothing: allOrNothing.value }
      const queued = await api.uploadImport(f, opts)
      if (stale()) return
      dryRun.value = queued
      const done = await api.waitForBatch(queued, (b) => { if (!stale()) dryRun.value = b }, stale)
      if (!stale()) dryRun.value = done
    } catch {
      /* the request layer showed the error; the file can be uploaded again */
    } finally {
      if (mine === gen) busy.value = null
    }
  }

  /** 确认导入: asks first (saying what happens to bad rows), then commits and follows it. */
  async function confirmCommit() {
    const d = dryRun.value
    const r = dryReport.value
    if (!d || !r || !canCommit.value) return
    const lines = [t('imports.commitAsk', {
      file: d.file_name, kind: t(`imports.kinds.${d.kind}`), project: projects.nameOf(d.project_id),
    })]
    if (r.bad) lines.push(t(d.all_or_nothing ? 'imports.commitWarnNone' : 'imports.commitWarnSkip', { n: r.bad }))
    try {
      await ElMessageBox.confirm(h('div', lines.map((l) => h('p', l))), t('imports.commitTitleConfirm'), {
        type: r.bad ? 'warning' : 'info', confirmButtonText: t('imports.commit'), cancelButtonText: t('common.cancel'),
      })
    } catch {
      return  // cancelled
    }
    const mine = gen
    const stale = () => left || mine !== gen
    busy.value = 'commit'
    try {
      const queued = await api.commitBatch(d.id)
      if (stale()) return
      commit.value = queued
      const done = await api.waitForBatch(queued, (b) => { if (!stale()) commit.value = b }, stale)
      if (!stale()) commit.value = done
    } catch {
      /* shown by the request layer */
    } finally {
      if (mine === gen) busy.value = null
    }
  }

  return {
    kind, projectId, allOrNothing, file, estimate, dryRun, commit, busy, dryReport, committed, checked, importable,
    canCommit, step, reset, accept, check, confirmCommit,
  }
}
