// /owner: the owners' and residents' phone app (Vant). Tabs: my houses, my bills, messages, me. Every page is
// its own chunk; a staff account is sent back to the login page by the guard.
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
      { path: 'messages', name: 'owner-messages', component: () => import('@/views/owner/messages/index.vue'), meta: { tabbar: true, title: 'messages.title' } },
      { path: 'me', name: 'owner-me', component: () => import('@/views/owner/profile/index.vue'), meta: { tabbar: true, title: 'owner.tabMe' } },
      { path: ':rest(.*)*', redirect: '/owner' },
    ],
  },
]
export default routes
