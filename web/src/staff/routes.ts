// /staff: the staff phone app (login, my profile, task list) with Vant.
// Only the frame exists so far; its pages are added as children here. While there are no
// pages the frame is public, because it shows nothing and has no login page to send to.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/staff',
    component: () => import('./StaffLayout.vue'),
    meta: { public: true },
    children: [],
  },
]
export default routes
