// 数据导入 (data migration): a spreadsheet (.xlsx or .csv) of one kind uploaded raw as a batch.
// The first upload is always a dry run; committing it queues the same file again as a new
// batch. A batch runs on the server's worker: poll it (waitForBatch) while queued/running.
// A committed batch can be rolled back while nothing newer depends on what it wrote.
import { download, http, upload, type Page, type RequestOptions } from './request'
import type { Schema } from './schema'

export const IMPORT_KINDS = ['houses', 'residents', 'vehicles', 'parking', 'fee-items', 'readings', 'balances'] as const satisfies readonly Schema<'ImportKind'>[]
export type ImportKind = Schema<'ImportKind'>
/**
 * One batch. Progress: `rows` read so far (the total once finished); `error` a file-level
 * error ("" when none). `report` and `rollback` come with one batch only (GET /imports/{id})
 * and are {} until there is something to say (read them with reportOf and rollbackOf).
 * Status `committed`: a dry run whose file was then imported (by a new batch).
 */
export type ImportBatch = Schema<'ImportBatch'>
export type FileFormat = ImportBatch['format']
export type BatchStatus = ImportBatch['status']
/** What a run did: counts, the header as read, the first 10,000 bad rows, file_error. */
export type ImportReport = Schema<'ImportReport'>
/** A bad row: its line (the header is line 1), its errors, its cells in the file's order. */
export type BadRow = ImportReport['bad_rows'][number]
/** column ("" for the row as a whole), its template header, code, reason (Chinese). */
export type RowError = BadRow['errors'][number]
/** What a rollback undid: entity → {removed, restored} counts, and each change. */
export type RollbackReport = Schema<'ImportRollback'>

/** The batch's report once it finished, else null. */
export function reportOf(b: ImportBatch | null | undefined): ImportReport | null {
  const r = b?.report
  return r && Array.isArray((r as ImportReport).bad_rows) ? (r as ImportReport) : null
}
/** The batch's rollback report once rolled back, else null. */
export function rollbackOf(b: ImportBatch | null | undefined): RollbackReport | null {
  const r = b?.rollback
  return r && typeof (r as RollbackReport).by_entity === 'object' ? (r as RollbackReport) : null
}

export interface UploadOptions {
  kind: ImportKind
  project_id: number
  dry_run: boolean
  all_or_nothing: boolean
}

/** The upload limit of the web (larger files: `anju import` on the server). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

/** The file's format by its extension, or null when it is neither .xlsx nor .csv. */
export function formatOf(fileName: string): FileFormat | null {
  const m = /\.(xlsx|csv)$/i.exec(fileName)
  return m ? (m[1].toLowerCase() as FileFormat) : null
}

/** Uploads the file's bytes raw (with the session's CSRF token) → 202 the queued batch. */
export async function uploadImport(file: File, o: UploadOptions, opts: RequestOptions = {}): Promise<ImportBatch> {
  const data = await file.arrayBuffer()
  const type = formatOf(file.name) === 'csv' ? 'text/csv' : 'application/octet-stream'
  return upload<ImportBatch>('/api/v1/imports', data, type, {
    ...opts,
    query: {
      kind: o.kind, project_id: o.project_id, dry_run: o.dry_run ? 1 : 0,
      all_or_nothing: o.all_or_nothing ? 1 : 0, file_name: file.name,
    },
  })
}

export const getBatch = (id: number, opts: RequestOptions = {}) =>
  http.get<ImportBatch>(`/api/v1/imports/${id}`, undefined, opts)
/** Newest first; the items carry no report. */
export const listBatches = (q: { page: number; size: number }) => http.get<Page<ImportBatch>>('/api/v1/imports', q)
/**
 * Rows a commit of this finished dry run would write: created + updated, none when
 * all-or-nothing meets a bad row. The server refuses to commit none (IMPORT_NOTHING_TO_IMPORT).
 */
export const importableRows = (b: ImportBatch) => (b.all_or_nothing && b.bad > 0 ? 0 : b.created + b.updated)
/** 202 a NEW batch committing the dry run's file with its options (409 IMPORT_NOT_COMMITTABLE,
 *  IMPORT_NOTHING_TO_IMPORT). */
export const commitBatch = (id: number) => http.post<ImportBatch>(`/api/v1/imports/${id}/commit`)
/** 200 the batch rolled back, or 409 IMPORT_ROLLBACK_BLOCKED / IMPORT_NOT_ROLLBACKABLE. */
export const rollbackBatch = (id: number, opts: RequestOptions = {}) =>
  http.post<ImportBatch>(`/api/v1/imports/${id}/rollback`, undefined, opts)
/** The kind's template, named in `lang`; with a project its example row names that project's
 *  things (a meter and its next period), so it passes a dry run there. */
export const downloadTemplate = (kind: ImportKind, format: FileFormat, lang: TemplateLang, projectId?: number) =>
  download(`/api/v1/import-templates/${kind}`, { format, lang, project_id: projectId })
export type TemplateLang = 'zh-CN' | 'en-US'
/** The bad rows as a file: the original cells plus 错误原因, to fix and upload again. */
export const downloadBadRows = (id: number, format: FileFormat) =>
  download(`/api/v1/imports/${id}/bad-rows`, { format })

export const isRunning = (b: Pick<ImportBatch, 'status'>) => b.status === 'queued' || b.status === 'running'

/**
 * Polls the batch every `intervalMs` while it is queued or running, calling `onProgress` with
 * each answer; resolves with the finished batch. `stopped()` true ends the wait (the page was
 * left): resolves with the last batch seen.
 */
export async function waitForBatch(
  batch: ImportBatch,
  onProgress: (b: ImportBatch) => void,
  stopped: () => boolean = () => false,
  intervalMs = 500,
): Promise<ImportBatch> {
  let b = batch
  while (isRunning(b) && !stopped()) {
    await new Promise((r) => setTimeout(r, intervalMs))
    if (stopped()) break
    b = await getBatch(b.id)
    onProgress(b)
  }
  return b
}
