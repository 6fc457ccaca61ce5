import { http, type Page } from './request'

export interface AuditRow {
  id: number
  seq: number
  at: string
  actor_id: number | null
  actor_login: string
  action: string
  entity: string
  entity_id: number | null
  project_id: number | null
  request_id: string
  ip: string
  before: unknown
  after: unknown
}
export interface AuditFilter {
  entity?: string
  action?: string
  actor?: string
  project_id?: number
  page: number
  size: number
}
export interface VerifyReport {
  ok: boolean
  rows_checked: number
  companies: number
  company_id?: number
  row_id?: number | null
  seq?: number
  problem?: string
  detail?: string
}

export const listAudit = (f: AuditFilter) => http.get<Page<AuditRow>>('/api/v1/audit-log', { ...f })
export const verifyAudit = () => http.get<VerifyReport>('/api/v1/audit-log/verify')
