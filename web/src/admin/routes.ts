// /admin: the PC console. Every page is its own chunk; the menu (menu.ts) uses the same
// permission codes as `meta.perm`.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/admin',
    component: () => import('./AdminRoot.vue'),
    children: [
      {
        path: 'login',
        name: 'admin-login',
        component: () => import('@/views/auth/login/index.vue'),
        meta: { public: true, title: 'login.title' },
      },
      {
        path: '',
        component: () => import('./layout/AdminLayout.vue'),
        children: [
          { path: '', name: 'admin-home', component: () => import('@/views/dashboard/home/index.vue'), meta: { title: 'menu.home' } },
          { path: 'org/projects', component: () => import('@/views/org/projects/index.vue'), meta: { perm: 'org:project:read', title: 'menu.projects' } },
          { path: 'org/departments', component: () => import('@/views/org/departments/index.vue'), meta: { perm: 'org:department:read', title: 'menu.departments' } },
          { path: 'org/staff', component: () => import('@/views/org/staff/index.vue'), meta: { perm: 'org:staff:read', title: 'menu.staff' } },
          { path: 'org/roles', component: () => import('@/views/org/roles/index.vue'), meta: { perm: 'org:role:read', title: 'menu.roles' } },
          { path: 'property/houses', component: () => import('@/views/property/houses/index.vue'), meta: { perm: 'property:house:read', title: 'menu.houses' } },
          { path: 'property/residents', component: () => import('@/views/property/residents/index.vue'), meta: { perm: 'property:resident:read', title: 'menu.residents' } },
          { path: 'property/vehicles', component: () => import('@/views/property/vehicles/index.vue'), meta: { perm: 'property:vehicle:read', title: 'menu.vehicles' } },
          { path: 'property/parking', component: () => import('@/views/property/parking/index.vue'), meta: { perm: 'property:parking:read', title: 'menu.parking' } },
          { path: 'billing/fee-items', component: () => import('@/views/billing/fee-items/index.vue'), meta: { perm: 'billing:fee:read', title: 'menu.feeItems' } },
          { path: 'billing/runs', component: () => import('@/views/billing/runs/index.vue'), meta: { perm: 'billing:bill:run', title: 'menu.billRuns' } },
          { path: 'billing/bills', component: () => import('@/views/billing/bills/index.vue'), meta: { perm: 'billing:bill:read', title: 'menu.bills' } },
          { path: 'billing/cashier', component: () => import('@/views/billing/cashier/index.vue'), meta: { perm: 'billing:payment:create', title: 'menu.cashier' } },
          { path: 'billing/receipts', component: () => import('@/views/billing/receipts/index.vue'), meta: { perm: 'billing:payment:read', title: 'menu.receipts' } },
          { path: 'billing/arrears', component: () => import('@/views/billing/arrears/index.vue'), meta: { perm: 'billing:bill:read', title: 'menu.arrears' } },
          { path: 'billing/meter-readings', component: () => import('@/views/billing/meter-readings/index.vue'), meta: { perm: ['billing:meter:read', 'billing:bill:read'], title: 'menu.meterReadings' } },
          { path: 'billing/reports', component: () => import('@/views/billing/reports/index.vue'), meta: { perm: 'billing:bill:read', title: 'reports.menu' } },
          { path: 'billing/reminders', component: () => import('@/views/billing/reminders/index.vue'), meta: { perm: ['billing:remind:read', 'notify:outbox:read'], title: 'remind.menu' } },
          { path: 'billing/approvals', component: () => import('@/views/billing/approvals/index.vue'), meta: { perm: ['billing:adjust:approve', 'billing:refund:approve', 'billing:adjust:create', 'billing:refund:create'], title: 'corrections.menu.approvals' } },
          { path: 'billing/settings', component: () => import('@/views/billing/settings/index.vue'), meta: { perm: 'billing:bill:read', title: 'corrections.menu.settings' } },
          { path: 'work-orders', component: () => import('@/views/workorders/board/index.vue'), meta: { perm: 'workorder:read', title: 'wo.menu.board' } },
          { path: 'work-orders/follow-ups', component: () => import('@/views/workorders/follow-ups/index.vue'), meta: { perm: 'workorder:write', title: 'wo.menu.followUps' } },
          { path: 'work-orders/settings', component: () => import('@/views/workorders/settings/index.vue'), meta: { perm: 'workorder:settings', title: 'wo.menu.settings' } },
          { path: 'work-orders/reports', component: () => import('@/views/workorders/reports/index.vue'), meta: { perm: 'workorder:report', title: 'wo.menu.reports' } },
          { path: 'imports', component: () => import('@/views/imports/index.vue'), meta: { perm: 'data:import', title: 'imports.menu' } },
          { path: 'audit', component: () => import('@/views/audit/log/index.vue'), meta: { perm: 'audit:log:read', title: 'menu.audit' } },
        ],
      },
    ],
  },
]
export default routes
