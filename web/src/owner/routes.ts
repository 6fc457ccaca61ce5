// Owner phone app (/owner, Vant). The route group exists so the frame and its set-up are in
// place; its screens (login, my houses, my profile) are added here.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = []
export default routes
