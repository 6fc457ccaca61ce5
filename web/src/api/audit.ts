import { http, type Page } from './request'
import type { Schema } from './schema'

export type AuditRow = Schema<'AuditEntry'>
export interface AuditFilter {
  entity?: string
  action?: string
  actor?: string
  project_id?: number
  page: number
  size: number
}
export type VerifyReport = Schema<'AuditVerifyReport'>

export const listAudit = (f: AuditFilter) => http.get<Page<AuditRow>>('/api/v1/audit-log', { ...f })
export const verifyAudit = () => http.get<VerifyReport>('/api/v1/audit-log/verify')
