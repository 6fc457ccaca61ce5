// /owner: the owners' phone app (login, my houses, my profile) with Vant.
// Only the frame exists so far; its pages are added as children here. While there are no
// pages the frame is public, because it shows nothing and has no login page to send to.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/owner',
    component: () => import('./OwnerLayout.vue'),
    meta: { public: true },
    children: [],
  },
]
export default routes
