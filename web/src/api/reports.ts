// 报表 (reports): the collection report per project and month, the daily figures, and their
// .xlsx exports (with the arrears'). Money is integer 分; rates are basis points (10000 = 100 %).
import { download, http } from './request'
import type { ArrearsGroup } from './billing'
import type { Schema } from './schema'

export const PAY_CHANNELS = ['cash', 'pos', 'transfer', 'cheque', 'wechat', 'alipay'] as const satisfies readonly PayChannel[]
export type PayChannel = keyof DailyFigures['channels']

/** Per project and month: rate_bp 当期收缴率 (null when nothing was billed), recovery_bp 清欠率
 *  (null when nothing older was owed), both in basis points. */
export type CollectionReport = Schema<'CollectionReport'>
export type CollectionRow = CollectionReport['items'][number]
export interface CollectionQuery { from: string; to: string; project_id?: number }

/** A day's figures; arrears: 欠收 at the end of the day. */
export type DailyFigures = Schema<'DailyFigures'>
export type DailyReport = Schema<'DailyReport'>
export interface DailyQuery { date: string; project_id?: number }

export const getCollectionReport = (q: CollectionQuery) =>
  http.get<CollectionReport>('/api/v1/reports/collection', { ...q })
export const getDailyReport = (q: DailyQuery) => http.get<DailyReport>('/api/v1/reports/daily', { ...q })

/** Downloads (.xlsx, saved under the server's Chinese file name). */
export const exportCollection = (q: CollectionQuery) => download('/api/v1/reports/collection.xlsx', { ...q })
export const exportDaily = (q: DailyQuery) => download('/api/v1/reports/daily.xlsx', { ...q })
export const exportArrears = (q: { project_id?: number; group: ArrearsGroup; as_of?: string | null }) =>
  download('/api/v1/arrears.xlsx', { ...q })

/** 9876 → "98.76%", null → "—" (integer arithmetic, no rounding). */
export function formatRate(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—'
  return `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`
}
