// /owner: the owners' and residents' phone app (Vant). Tabs: my houses, my bills, 报事报修 (work
// orders), messages, me. Every page is its own chunk; a staff account is sent back to the login
// page by the guard. Public pages (meta.public, no login): receipt verification and the QR report
// form of a common area (/owner/report/:token).
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = [
  {
    path: '/owner',
    component: () => import('./OwnerLayout.vue'),
    children: [
      {
        path: 'login', name: 'owner-login', component: () => import('@/views/auth/phone-login/index.vue'),
        props: { group: 'owner' }, meta: { public: true, title: 'login.title' },
      },
      { path: '', name: 'owner-houses', component: () => import('@/views/owner/houses/index.vue'), meta: { tabbar: true, title: 'owner.tabHouses' } },
      { path: 'houses/:id(\\d+)', name: 'owner-house', component: () => import('@/views/owner/house/index.vue'), props: (r) => ({ id: Number(r.params.id) }), meta: { title: 'property.houseDetail' } },
      { path: 'bills', name: 'owner-bills', component: () => import('@/views/owner/bills/index.vue'), meta: { tabbar: true, title: 'owner.tabBills' } },
      { path: 'pay', name: 'owner-pay', component: () => import('@/views/owner/pay/index.vue'), meta: { title: 'ownerPay.title' } },
      { path: 'receipts', name: 'owner-receipts', component: () => import('@/views/owner/receipts/index.vue'), meta: { title: 'ownerPay.receiptsTitle' } },
      {
        path: 'receipt/:token', name: 'receipt-verify', component: () => import('@/views/owner/receipt-verify/index.vue'),
        props: true, meta: { public: true, title: 'receiptVerify.title' },
      },
      { path: 'workorders', name: 'owner-workorders', component: () => import('@/views/owner/workorders/index.vue'), meta: { tabbar: true, title: 'woMobile.title' } },
      { path: 'workorders/new', name: 'owner-workorder-new', component: () => import('@/views/owner/workorders/new/index.vue'), meta: { title: 'woMobile.reportTitle' } },
      {
        path: 'workorders/:id(\\d+)', name: 'owner-workorder', component: () => import('@/views/owner/workorders/detail/index.vue'),
        props: (r) => ({ id: Number(r.params.id) }), meta: { title: 'woMobile.myOrders' },
      },
      // A QR sticker in a common area: anyone may report there without signing in.
      {
        path: 'report/:token', name: 'qr-report', component: () => import('@/views/public/report/index.vue'),
        props: true, meta: { public: true, title: 'woMobile.publicTitle' },
      },
      { path: 'messages', name: 'owner-messages', component: () => import('@/views/owner/messages/index.vue'), meta: { tabbar: true, title: 'messages.title' } },
      { path: 'me', name: 'owner-me', component: () => import('@/views/owner/profile/index.vue'), meta: { tabbar: true, title: 'owner.tabMe' } },
      { path: ':rest(.*)*', redirect: '/owner' },
    ],
  },
]
export default routes
