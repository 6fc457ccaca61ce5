import { http, type RequestOptions } from './request'

export interface Grant {
  code: string
  all_projects: boolean
  projects: number[]
}

export interface SessionUser {
  id: number
  login: string
  name: string
  kind: 'staff' | 'resident'
  company_id: number
  permissions: Grant[]
  house_ids: number[]
  /** A resident account's own resident records (GET /api/v1/residents/{id}). */
  resident_ids?: number[]
  csrf_token: string
}

export interface LoginReply {
  token: string
  csrf_token: string
  expires_at: string
  user: SessionUser
}

export const login = (login: string, password: string) =>
  http.post<LoginReply>('/api/v1/auth/login', { login, password }, { no401: true, quiet: true })
export const logout = () => http.post<void>('/api/v1/auth/logout', {}, { no401: true, quiet: true })
export const me = () => http.get<SessionUser>('/api/v1/me', undefined, { no401: true, quiet: true })
export const changePassword = (current_password: string, new_password: string, opts: RequestOptions = {}) =>
  http.post<void>('/api/v1/me/password', { current_password, new_password }, opts)
