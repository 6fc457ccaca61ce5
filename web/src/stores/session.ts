// Who is signed in, and what they may do. The cookie holds the session; this store keeps
// the user object (restored from GET /api/v1/me after a reload) and the CSRF token.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as auth from '@/api/auth'
import { setCsrfToken } from '@/api/request'
import type { PermissionCode } from '@/generated/permissions'

export const useSessionStore = defineStore('session', () => {
  const user = ref<auth.SessionUser | null>(null)
  const restored = ref(false)

  const codes = computed(() => new Set((user.value?.permissions ?? []).map((g) => g.code)))

  /**
   * Whether the caller holds `code` (anywhere, or in `projectId` when given). Codes are the
   * server's catalogue (generated/permissions.ts), so a misspelt one fails the type check.
   */
  function can(code: PermissionCode | PermissionCode[], projectId?: number): boolean {
    const list = Array.isArray(code) ? code : [code]
    return list.some((c) => {
      const g = user.value?.permissions.find((p) => p.code === c)
      if (!g) return false
      return projectId === undefined || g.all_projects || g.projects.includes(projectId)
    })
  }

  function set(u: auth.SessionUser | null) {
    user.value = u
    setCsrfToken(u?.csrf_token ?? '')
  }

  async function login(name: string, password: string) {
    const r = await auth.login(name, password)
    set({ ...r.user, csrf_token: r.csrf_token })
    restored.value = true
    return r.user
  }

  /** Restores the session from the cookie once per page load. */
  async function restore() {
    if (restored.value) return user.value
    try {
      set(await auth.me())
    } catch {
      set(null)
    }
    restored.value = true
    return user.value
  }

  async function logout() {
    try {
      await auth.logout()
    } finally {
      set(null)
    }
  }

  /** Forget the user without asking the server (the session already expired). */
  function clear() {
    set(null)
  }

  return { user, restored, codes, can, login, restore, logout, clear }
})
