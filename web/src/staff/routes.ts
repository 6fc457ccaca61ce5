// Staff phone app (/staff, Vant). The route group exists so the frame and its set-up are in
// place; its screens (login, my profile, task list) are added here.
import type { RouteRecordRaw } from 'vue-router'

const routes: RouteRecordRaw[] = []
export default routes
