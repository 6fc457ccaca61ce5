// 抄表导入: the file is read in the browser, dry-run against the server (every row checked,
// nothing written) and imported only when the same project, period and text passed a dry run.
// A 422 READING_IMPORT_INVALID names each failed row as the field "rows[<line>]".
import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { ApiError, errorText } from '@/api/request'
import * as api from '@/api/readingImport'
import type { Meter } from '@/api/meters'
import { useProjectsStore } from '@/stores/projects'
import { formatArea } from '@/utils/area'

export interface FailedRow { line: number; code: string; message: string }

/** One CSV cell: quoted when it holds a comma, a quote or a line break. */
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)

/** The template: 表号,读数,备注 (what the server reads) and 上期读数 for reference, one line per
 *  active meter in walking order, with a byte-order mark so spreadsheet programs see UTF-8. */
export function templateCsv(meters: Meter[]): string {
  const lines = ['表号,读数,备注,上期读数']
  for (const m of meters)
    if (m.active) lines.push([cell(m.code), '', '', String(m.last_reading ?? m.initial_reading)].join(','))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

export function useReadingImport(done: (projectId: number, period: string) => void) {
  const { t, te } = useI18n()
  const projects = useProjectsStore()
  const projectId = ref<number | undefined>()
  const period = ref<string | null>(null)
  const fileName = ref('')
  const text = ref<string | null>(null)
  const busy = ref<'dry' | 'import' | 'template' | null>(null)
  const result = ref<api.ReadingImportResult | null>(null)
  const failures = ref<FailedRow[]>([])
  const error = ref('')
  const fileError = ref('')
  /** What the last passing dry run checked: "project|period|text". */
  const checked = ref<string | null>(null)
  const key = () => `${projectId.value}|${period.value}|${text.value}`
  const ready = computed(() => !!projectId.value && !!period.value && text.value !== null)
  const canImport = computed(() => ready.value && checked.value === key())

  function clearOutcome() {
    result.value = null
    failures.value = []
    error.value = ''
    checked.value = null
  }
  watch([projectId, period, text], clearOutcome)

  function reset(project: number | undefined, month: string | null) {
    projectId.value = project
    period.value = month
    fileName.value = ''
    text.value = null
    fileError.value = ''
    clearOutcome()
  }

  async function chooseFile(file: File) {
    fileName.value = file.name
    fileError.value = ''
    try {
      text.value = (await file.text()).replace(/^\uFEFF/, '')  // File.text() may keep the BOM
    } catch (err) {
      text.value = null
      fileError.value = t('readingImport.readFailed', { message: errorText(err) })
    }
  }

  /** The translated text of a row's error code, or '' when there is none. */
  const codeText = (code: string) => (te(`readingImport.codes.${code}`) ? t(`readingImport.codes.${code}`) : '')

  function fail(err: unknown) {
    if (err instanceof ApiError && err.code === 'READING_IMPORT_INVALID') {
      failures.value = err.fields.flatMap((f) => {
        const m = /^rows\[(\d+)\]$/.exec(f.field)
        return m ? [{ line: Number(m[1]), code: f.code, message: f.message }] : []
      })
    }
    if (!failures.value.length) {
      const details = err instanceof ApiError ? err.fields.map((f) => f.message).filter(Boolean) : []
      error.value = [errorText(err), ...details].join(' ')
    }
  }

  async function run(dry: boolean) {
    if (!ready.value || !projectId.value || !period.value || text.value === null) return
    const asked = key()
    const body = { project_id: projectId.value, period: period.value, csv: text.value, dry_run: dry }
    busy.value = dry ? 'dry' : 'import'
    clearOutcome()
    try {
      const r = await api.importReadings(body, { quiet: true })
      if (dry) {
        result.value = r
        checked.value = asked
      } else {
        ElMessage.success(t('readingImport.imported', { rows: r.rows, review: r.review }))
        done(body.project_id, body.period)
      }
    } catch (err) {
      fail(err)
    } finally {
      busy.value = null
    }
  }

  async function downloadTemplate() {
    const id = projectId.value
    if (!id) return
    busy.value = 'template'
    try {
      const meters = await api.projectMeters(id)
      if (!meters.some((m) => m.active)) return void ElMessage.warning(t('readingImport.noMeters'))
      const name = t('readingImport.templateName', { project: projects.nameOf(id), period: period.value ?? '' })
      save(new Blob([templateCsv(meters)], { type: 'text/csv;charset=utf-8' }), name)
    } catch {
      /* the request layer showed the error */
    } finally {
      busy.value = null
    }
  }

  return {
    projectId, period, fileName, text, busy, result, failures, error, fileError, ready, canImport,
    reset, chooseFile, codeText, run, downloadTemplate, units: formatArea,
  }
}
