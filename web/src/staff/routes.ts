// /staff: the frontline staff's phone app (Vant). Tabs: my work (home, with my open work orders),
// 工单 (for holders of workorder:handle), collection follow-ups (催收, for holders of
// billing:collect), me. A resident account is sent back to the login page by the guard.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/staff',
    component: () => import('./StaffLayout.vue'),
    children: [
      {
        path: 'login', name: 'staff-login', component: () => import('@/views/auth/phone-login/index.vue'),
        props: { group: 'staff' }, meta: { public: true, title: 'login.title' },
      },
      { path: '', name: 'staff-home', component: () => import('@/views/staff/home/index.vue'), meta: { tabbar: true, title: 'staffApp.tabHome' } },
      { path: 'rounds', name: 'staff-rounds', component: () => import('@/views/staff/rounds/index.vue'), meta: { title: 'meterRound.title' } },
      {
        path: 'workorders', name: 'staff-workorders', component: () => import('@/views/staff/workorders/index.vue'),
        meta: { tabbar: true, title: 'woMobile.staffTab', perm: 'workorder:handle' },
      },
      {
        path: 'workorders/:id(\\d+)', name: 'staff-workorder', component: () => import('@/views/staff/workorders/detail/index.vue'),
        props: (r) => ({ id: Number(r.params.id) }), meta: { title: 'woMobile.staffTab', perm: 'workorder:handle' },
      },
      {
        path: 'workorders/:id(\\d+)/complete', name: 'staff-workorder-complete', component: () => import('@/views/staff/workorders/complete/index.vue'),
        props: (r) => ({ id: Number(r.params.id) }), meta: { title: 'woMobile.completeTitle', perm: 'workorder:handle' },
      },
      { path: 'collection', name: 'staff-collection', component: () => import('@/views/staff/collection/index.vue'), meta: { tabbar: true, title: 'collect.title' } },
      {
        path: 'collection/:id(\\d+)', name: 'staff-collection-detail', component: () => import('@/views/staff/collection-detail/index.vue'),
        props: (r) => ({ id: Number(r.params.id) }), meta: { title: 'collect.title' },
      },
      { path: 'me', name: 'staff-me', component: () => import('@/views/staff/profile/index.vue'), meta: { tabbar: true, title: 'staffApp.tabMe' } },
      { path: ':rest(.*)*', redirect: '/staff' },
    ],
  },
]
export default routes
