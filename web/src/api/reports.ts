// 报表 (reports): the collection report per project and month, the daily figures, and their
// .xlsx exports (with the arrears'). Money is integer 分; rates are basis points (10000 = 100 %).
import { download, http } from './request'
import type { ArrearsGroup, Fen } from './billing'

export const PAY_CHANNELS = ['cash', 'pos', 'transfer', 'cheque', 'wechat', 'alipay'] as const
export type PayChannel = (typeof PAY_CHANNELS)[number]

export interface CollectionRow {
  project_id: number
  /** "YYYY-MM" */
  month: string
  receivable: Fen
  received: Fen
  arrears: Fen
  /** 当期收缴率 in basis points; null when nothing was billed. */
  rate_bp: number | null
  recovered: Fen
  /** 清欠率 in basis points; null when nothing older was owed. */
  recovery_bp: number | null
}
export interface CollectionReport {
  from: string
  to: string
  receivable: Fen
  received: Fen
  rate_bp: number | null
  items: CollectionRow[]
}
export interface CollectionQuery { from: string; to: string; project_id?: number }

export interface DailyFigures {
  billed: Fen
  late_fees: Fen
  received: Fen
  to_prepayment: Fen
  /** 欠收 at the end of the day. */
  arrears: Fen
  channels: Record<PayChannel, Fen>
}
export interface DailyReport extends DailyFigures {
  date: string
  items: (DailyFigures & { project_id: number })[]
}
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
