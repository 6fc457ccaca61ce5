// 抄表导入: a CSV of meter codes and readings for one project and period, checked row by row
// (dry run) and written all or nothing. Readings and consumption are integers in 1/100 unit
// (0.01 m³ or kWh), in the file as in the answer.
import { http, type Page, type RequestOptions } from './request'
import type { Meter } from './meters'
import type { BodyOf, Schema } from './schema'

/** The CSV's text (a UTF-8 byte-order mark is fine) for one project and period "YYYY-MM". */
export type ReadingImportBody = BodyOf<'importMeterReadings'>
export type ReadingImportResult = Schema<'ReadingImportReport'>
export type ReadingImportItem = ReadingImportResult['items'][number]

/** 422 READING_IMPORT_INVALID when any row fails (fields `rows[<line>]`); nothing is written. */
export const importReadings = (b: ReadingImportBody, opts: RequestOptions = {}) =>
  http.post<ReadingImportResult>('/api/v1/meter-readings/import', b, opts)

/** Every meter of a project in walking order (building, walk_order, code), 100 a page. */
export async function projectMeters(project_id: number): Promise<Meter[]> {
  const all: Meter[] = []
  for (let page = 1; page <= 100; page++) {
    const r = await http.get<Page<Meter>>('/api/v1/meters', { project_id, page, size: 100 })
    all.push(...r.items)
    if (r.items.length < 100 || all.length >= r.total) break
  }
  return all
}
