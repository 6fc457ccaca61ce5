// 数据导入 (data migration): a spreadsheet (.xlsx or .csv) of one kind uploaded raw as a batch.
// The first upload is always a dry run; committing it queues the same file again as a new
// batch. A batch runs on the server's worker: poll it (waitForBatch) while queued/running.
// A committed batch can be rolled back while nothing newer depends on what it wrote.
import { download, http, request, type Page, type RequestOptions } from './request'

export const IMPORT_KINDS = ['houses', 'residents', 'vehicles', 'parking', 'fee-items', 'readings', 'balances'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
export type FileFormat = 'xlsx' | 'csv'
/** committed: a dry run whose file was then imported (by a new batch). */
export type BatchStatus = 'queued' | 'running' | 'done' | 'committed' | 'failed' | 'interrupted' | 'rolled_back'

export interface RowError {
  /** The column key ("gross_area"), or "" for the row as a whole. */
  column: string
  /** The template's header of that column ("建筑面积(㎡)*"), "" for the row. */
  header: string
  /** "required", "invalid", "duplicate_in_file", or the API's code ("HOUSE_CODE_TAKEN"). */
  code: string
  /** Why, in Chinese (for the person fixing the file). */
  reason: string
}
export interface BadRow {
  /** The file's line (the header is line 1). */
  line: number
  errors: RowError[]
  /** The row as read, in the file's column order. */
  cells: string[]
}
export interface ImportReport {
  rows: number
  created: number
  updated: number
  skipped: number
  bad: number
  header: string[]
  /** The first 10,000 bad rows. */
  bad_rows: BadRow[]
  /** The file could not be read at all (a missing column…): nothing applied. */
  file_error: string
  /** Something was written. */
  committed: boolean
}
export interface RollbackReport {
  /** entity ("house", "floor", …) → how many were removed (created by the batch) or restored. */
  by_entity: Record<string, { removed?: number; restored?: number }>
  changes: { line: number; entity: string; id: number; action: 'removed' | 'restored' }[]
}
export interface ImportBatch {
  id: number
  project_id: number | null
  kind: ImportKind
  file_name: string
  format: FileFormat
  dry_run: boolean
  all_or_nothing: boolean
  status: BatchStatus
  /** Progress: rows read so far (the total once finished). */
  rows: number
  created: number
  updated: number
  skipped: number
  bad: number
  /** A file-level error ("" when none). */
  error: string
  created_at: string
  finished_at: string | null
  rolled_back_at: string | null
  /** One batch only (GET /imports/{id}); {} until it finished (read it with reportOf). */
  report?: ImportReport | Record<string, never> | null
  /** {} until rolled back (read it with rollbackOf). */
  rollback?: RollbackReport | Record<string, never> | null
}

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
  return request<ImportBatch>('POST', '/api/v1/imports', {
    ...opts,
    query: {
      kind: o.kind, project_id: o.project_id, dry_run: o.dry_run ? 1 : 0,
      all_or_nothing: o.all_or_nothing ? 1 : 0, file_name: file.name,
    },
    raw: { data, type },
  })
}

export const getBatch = (id: number, opts: RequestOptions = {}) =>
  http.get<ImportBatch>(`/api/v1/imports/${id}`, undefined, opts)
/** Newest first; the items carry no report. */
export const listBatches = (q: { page: number; size: number }) => http.get<Page<ImportBatch>>('/api/v1/imports', q)
/** 202 a NEW batch committing the dry run's file with its options (409 IMPORT_NOT_COMMITTABLE). */
export const commitBatch = (id: number) => http.post<ImportBatch>(`/api/v1/imports/${id}/commit`)
/** 200 the batch rolled back, or 409 IMPORT_ROLLBACK_BLOCKED / IMPORT_NOT_ROLLBACKABLE. */
export const rollbackBatch = (id: number, opts: RequestOptions = {}) =>
  http.post<ImportBatch>(`/api/v1/imports/${id}/rollback`, undefined, opts)
export const downloadTemplate = (kind: ImportKind, format: FileFormat) =>
  download(`/api/v1/import-templates/${kind}`, { format })
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
