// The three route groups. Each group's set-up module is loaded on first entry (so /owner
// never downloads Element Plus and /admin never downloads Vant) and activated whenever the
// user enters the group: it installs the group's UI kit and tells the request layer how
// to show errors.
import type { App } from 'vue'

export type GroupName = 'admin' | 'staff' | 'owner'

export interface GroupSetup {
  /** Called once, the first time the group is entered. */
  install(app: App): void
  /** Called each time the user enters the group (from another group or on page load). */
  activate(): void
}

export interface RouteGroup {
  name: GroupName
  prefix: string
  loginPath: string
  homePath: string
  /** The account kind that may use the group. */
  accountKind: 'staff' | 'resident'
  load: () => Promise<{ default: GroupSetup }>
}

export const GROUPS: Record<GroupName, RouteGroup> = {
  admin: {
    name: 'admin', prefix: '/admin', loginPath: '/admin/login', homePath: '/admin',
    accountKind: 'staff', load: () => import('@/admin/setup'),
  },
  staff: {
    name: 'staff', prefix: '/staff', loginPath: '/staff/login', homePath: '/staff',
    accountKind: 'staff', load: () => import('@/staff/setup'),
  },
  owner: {
    name: 'owner', prefix: '/owner', loginPath: '/owner/login', homePath: '/owner',
    accountKind: 'resident', load: () => import('@/owner/setup'),
  },
}

export function groupOfPath(path: string): RouteGroup {
  for (const g of Object.values(GROUPS)) {
    if (path === g.prefix || path.startsWith(g.prefix + '/')) return g
  }
  return GROUPS.admin
}
