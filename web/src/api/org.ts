import { http, type Page } from './request'

export type ProjectKind = 'residential' | 'commercial' | 'office' | 'park' | 'mixed'
export const PROJECT_KINDS: ProjectKind[] = ['residential', 'commercial', 'office', 'park', 'mixed']
export const TRADES = ['management', 'service', 'cashier', 'finance', 'engineering', 'security',
  'cleaning', 'greening', 'collection'] as const

export interface Project {
  id: number
  code: string
  name: string
  kind: ProjectKind
  address: string
  time_zone: string
  status: 'active' | 'archived'
  created_at: string
  updated_at: string
}
export interface Department {
  id: number
  name: string
  project_id: number | null
  parent_id: number | null
}
export interface Staff {
  id: number
  login: string
  name: string
  trade: string
  status: 'active' | 'disabled'
  locked: boolean
  department_id: number | null
  created_at: string
}
export interface Role {
  id: number
  code: string
  name: string
  permissions: string[]
  builtin: boolean
}
export interface StaffGrant {
  id: number
  role_id: number
  role_code: string
  role_name: string
  project_id: number | null
  project_name: string | null
}
export interface PermissionDef {
  code: string
  name_zh: string
  name_en: string
}
type Items<T> = { items: T[] }

export const listProjects = () => http.get<Items<Project>>('/api/v1/projects')
export const createProject = (b: Partial<Project>) => http.post<Project>('/api/v1/projects', b)
export const updateProject = (id: number, b: Partial<Project>) =>
  http.patch<Project>(`/api/v1/projects/${id}`, b)

export const listDepartments = (opts: { quiet?: boolean } = {}) =>
  http.get<Items<Department>>('/api/v1/departments', undefined, opts)
export const createDepartment = (b: Partial<Department>) =>
  http.post<Department>('/api/v1/departments', b)
export const updateDepartment = (id: number, b: Partial<Department>) =>
  http.patch<Department>(`/api/v1/departments/${id}`, b)

export const listStaff = (q: { project_id?: number; q?: string; page: number; size: number }) =>
  http.get<Page<Staff>>('/api/v1/staff', q)
export const createStaff = (b: Record<string, unknown>) => http.post<Staff>('/api/v1/staff', b)
export const updateStaff = (id: number, b: Record<string, unknown>) =>
  http.patch<Staff>(`/api/v1/staff/${id}`, b)
export const resetStaffPassword = (id: number, password: string) =>
  http.post<void>(`/api/v1/staff/${id}/password`, { password })
export const listGrants = (id: number) => http.get<Items<StaffGrant>>(`/api/v1/staff/${id}/grants`)
export const addGrant = (id: number, b: { role_id: number; project_id?: number }) =>
  http.post<StaffGrant>(`/api/v1/staff/${id}/grants`, b)
export const removeGrant = (id: number, grantId: number) =>
  http.del(`/api/v1/staff/${id}/grants/${grantId}`)

export const listRoles = () => http.get<Items<Role>>('/api/v1/roles')
export const createRole = (b: Partial<Role>) => http.post<Role>('/api/v1/roles', b)
export const updateRole = (id: number, b: Partial<Role>) => http.patch<Role>(`/api/v1/roles/${id}`, b)
export const listPermissions = () => http.get<Items<PermissionDef>>('/api/v1/permissions')
