import { http, type RequestOptions } from './request'
import type { Schema } from './schema'

/** A permission code the caller holds, company-wide or in `projects`. */
export type Grant = Schema<'Me'>['permissions'][number]
/** GET /api/v1/me: who is signed in and what they may do. */
export type SessionUser = Schema<'Me'>
export type LoginReply = Schema<'LoginReply'>

export const login = (login: string, password: string) =>
  http.post<LoginReply>('/api/v1/auth/login', { login, password }, { no401: true, quiet: true })
export const logout = () => http.post<void>('/api/v1/auth/logout', {}, { no401: true, quiet: true })
export const me = () => http.get<SessionUser>('/api/v1/me', undefined, { no401: true, quiet: true })
export const changePassword = (current_password: string, new_password: string, opts: RequestOptions = {}) =>
  http.post<void>('/api/v1/me/password', { current_password, new_password }, opts)
