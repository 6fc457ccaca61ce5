import { http, type Page } from './request'
import type { Schema } from './schema'

export type ProjectKind = Schema<'ProjectKind'>
export const PROJECT_KINDS: ProjectKind[] = ['residential', 'commercial', 'office', 'park', 'mixed']
export type Trade = Schema<'Trade'>
export const TRADES = ['management', 'service', 'cashier', 'finance', 'engineering', 'security',
  'cleaning', 'greening', 'collection'] as const satisfies readonly Schema<'Trade'>[]

export type Project = Schema<'Project'>
export type Department = Schema<'Department'>
export type Staff = Schema<'Staff'>
export type Role = Schema<'Role'>
/** A role granted to a staff member, company-wide (project_id null) or in one project. */
export type StaffGrant = Schema<'Grant'>
export type PermissionDef = Schema<'PermissionList'>['items'][number]
type Items<T> = { items: T[] }

export const listProjects = () => http.get<Items<Project>>('/api/v1/projects')
export const createProject = (b: Schema<'ProjectCreate'>) => http.post<Project>('/api/v1/projects', b)
export const updateProject = (id: number, b: Schema<'ProjectUpdate'>) =>
  http.patch<Project>(`/api/v1/projects/${id}`, b)

export const listDepartments = (opts: { quiet?: boolean } = {}) =>
  http.get<Items<Department>>('/api/v1/departments', undefined, opts)
export const createDepartment = (b: Schema<'DepartmentCreate'>) =>
  http.post<Department>('/api/v1/departments', b)
export const updateDepartment = (id: number, b: Schema<'DepartmentUpdate'>) =>
  http.patch<Department>(`/api/v1/departments/${id}`, b)

export const listStaff = (q: { project_id?: number; q?: string; page: number; size: number }) =>
  http.get<Page<Staff>>('/api/v1/staff', q)
export const createStaff = (b: Schema<'StaffCreate'>) => http.post<Staff>('/api/v1/staff', b)
export const updateStaff = (id: number, b: Schema<'StaffUpdate'>) =>
  http.patch<Staff>(`/api/v1/staff/${id}`, b)
export const resetStaffPassword = (id: number, password: string) =>
  http.post<void>(`/api/v1/staff/${id}/password`, { password })
export const listGrants = (id: number) => http.get<Items<StaffGrant>>(`/api/v1/staff/${id}/grants`)
export const addGrant = (id: number, b: Schema<'GrantCreate'>) =>
  http.post<Schema<'GrantCreated'>>(`/api/v1/staff/${id}/grants`, b)
export const removeGrant = (id: number, grantId: number) =>
  http.del(`/api/v1/staff/${id}/grants/${grantId}`)

export const listRoles = () => http.get<Items<Role>>('/api/v1/roles')
export const createRole = (b: Schema<'RoleCreate'>) => http.post<Role>('/api/v1/roles', b)
export const updateRole = (id: number, b: Schema<'RoleUpdate'>) => http.patch<Role>(`/api/v1/roles/${id}`, b)
export const listPermissions = () => http.get<Items<PermissionDef>>('/api/v1/permissions')
