// The side menu, built from the caller's permission codes: an entry shows when the caller
// holds its code; a section shows when one of its entries does.
import { House, OfficeBuilding, Document, Odometer, Money, Tickets } from '@element-plus/icons-vue'
import type { Component } from 'vue'
import type { PermissionCode } from '@/generated/permissions'

export interface MenuEntry {
  path: string
  title: string
  /** One code, or several (any of them). */
  perm?: PermissionCode | PermissionCode[]
}
export interface MenuSection {
  key: string
  title: string
  icon: Component
  path?: string
  children?: MenuEntry[]
}

export const MENU: MenuSection[] = [
  { key: 'home', title: 'menu.home', icon: Odometer, path: '/admin' },
  {
    key: 'org', title: 'menu.org', icon: OfficeBuilding,
    children: [
      { path: '/admin/org/projects', title: 'menu.projects', perm: 'org:project:read' },
      { path: '/admin/org/departments', title: 'menu.departments', perm: 'org:department:read' },
      { path: '/admin/org/staff', title: 'menu.staff', perm: 'org:staff:read' },
      { path: '/admin/org/roles', title: 'menu.roles', perm: 'org:role:read' },
    ],
  },
  {
    key: 'property', title: 'menu.property', icon: House,
    children: [
      { path: '/admin/property/houses', title: 'menu.houses', perm: 'property:house:read' },
      { path: '/admin/property/residents', title: 'menu.residents', perm: 'property:resident:read' },
      { path: '/admin/property/vehicles', title: 'menu.vehicles', perm: 'property:vehicle:read' },
      { path: '/admin/property/parking', title: 'menu.parking', perm: 'property:parking:read' },
    ],
  },
  {
    key: 'billing', title: 'menu.billing', icon: Money,
    children: [
      { path: '/admin/billing/fee-items', title: 'menu.feeItems', perm: 'billing:fee:read' },
      { path: '/admin/billing/runs', title: 'menu.billRuns', perm: 'billing:bill:run' },
      { path: '/admin/billing/bills', title: 'menu.bills', perm: 'billing:bill:read' },
      { path: '/admin/billing/cashier', title: 'menu.cashier', perm: 'billing:payment:create' },
      { path: '/admin/billing/receipts', title: 'menu.receipts', perm: 'billing:payment:read' },
      { path: '/admin/billing/arrears', title: 'menu.arrears', perm: 'billing:bill:read' },
      { path: '/admin/billing/reports', title: 'reports.menu', perm: 'billing:bill:read' },
      { path: '/admin/billing/meter-readings', title: 'menu.meterReadings', perm: ['billing:meter:read', 'billing:bill:read'] },
      { path: '/admin/billing/reminders', title: 'remind.menu', perm: ['billing:remind:read', 'notify:outbox:read'] },
      { path: '/admin/billing/approvals', title: 'corrections.menu.approvals', perm: ['billing:adjust:approve', 'billing:refund:approve', 'billing:adjust:create', 'billing:refund:create'] },
      { path: '/admin/billing/settings', title: 'corrections.menu.settings', perm: 'billing:settings:write' },
    ],
  },
  {
    key: 'workorder', title: 'wo.menu.section', icon: Tickets,
    children: [
      { path: '/admin/work-orders', title: 'wo.menu.board', perm: 'workorder:read' },
      { path: '/admin/work-orders/follow-ups', title: 'wo.menu.followUps', perm: 'workorder:write' },
      { path: '/admin/work-orders/reports', title: 'wo.menu.reports', perm: 'workorder:report' },
      { path: '/admin/work-orders/settings', title: 'wo.menu.settings', perm: 'workorder:settings' },
    ],
  },
  {
    key: 'system', title: 'menu.system', icon: Document,
    children: [
      { path: '/admin/imports', title: 'imports.menu', perm: 'data:import' },
      { path: '/admin/audit', title: 'menu.audit', perm: 'audit:log:read' },
    ],
  },
]

/** The menu the caller may see. */
export function visibleMenu(can: (code: PermissionCode | PermissionCode[]) => boolean): MenuSection[] {
  const out: MenuSection[] = []
  for (const s of MENU) {
    if (!s.children) {
      out.push(s)
      continue
    }
    const children = s.children.filter((c) => !c.perm || can(c.perm))
    if (children.length) out.push({ ...s, children })
  }
  return out
}
