import type { App } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import { setRequestHooks } from '@/api/request'
import { serverText } from '@/locales'
import { useSessionStore } from '@/stores/session'
import adminRoutes from '@/admin/routes'
import ownerRoutes from '@/owner/routes'
import staffRoutes from '@/staff/routes'
import type { PermissionCode } from '@/generated/permissions'
import { GROUPS, groupOfPath, type GroupName, type GroupSetup } from './groups'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (login pages). */
    public?: boolean
    /** Permission code(s) needed (any of them); the menu uses the same codes. */
    perm?: PermissionCode | PermissionCode[]
    /** Locale key of the page title. */
    title?: string
    /** Phone groups: the page shows the bottom tab bar. */
    tabbar?: boolean
  }
}

export function installRouter(app: App) {
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', redirect: '/admin' },
      // A receipt's QR code: <public url>/r/<token>
      { path: '/r/:token', redirect: (to) => `/owner/receipt/${String(to.params.token)}` },
      ...adminRoutes,
      ...staffRoutes,
      ...ownerRoutes,
      { path: '/:rest(.*)*', redirect: '/admin' },
    ],
  })

  const installed = new Map<GroupName, GroupSetup>()
  let active: GroupName | null = null

  setRequestHooks({
    translate: (e) => serverText(e.i18n, e.message),
    unauthorized: () => {
      const g = groupOfPath(router.currentRoute.value.path)
      useSessionStore().clear()
      if (!router.currentRoute.value.meta.public) {
        void router.push({ path: g.loginPath, query: { redirect: router.currentRoute.value.fullPath } })
      }
    },
  })

  router.beforeEach(async (to) => {
    const group = groupOfPath(to.path)
    if (active !== group.name) {
      let setup = installed.get(group.name)
      if (!setup) {
        setup = (await group.load()).default
        setup.install(app)
        installed.set(group.name, setup)
      }
      setup.activate()
      active = group.name
    }
    if (to.meta.public) return true
    const session = useSessionStore()
    const user = await session.restore()
    if (!user || user.kind !== group.accountKind) {
      return { path: group.loginPath, query: { redirect: to.fullPath } }
    }
    if (to.meta.perm && !session.can(to.meta.perm)) return { path: group.homePath }
    return true
  })

  router.afterEach((to) => {
    const g = GROUPS[groupOfPath(to.path).name]
    document.title = g.name === 'admin' ? '安居 · Anju' : 'Anju'
  })

  app.use(router)
  return router
}
