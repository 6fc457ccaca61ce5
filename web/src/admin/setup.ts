// Set-up of the /admin route group: Element Plus (loaded only here) and its error toasts.
import ElementPlus, { ElMessage } from 'element-plus'
import 'element-plus/dist/index.css'
import './admin.css'
import type { GroupSetup } from '@/router/groups'
import { setRequestHooks } from '@/api/request'

const setup: GroupSetup = {
  install(app) {
    app.use(ElementPlus)
  },
  activate() {
    setRequestHooks({
      notify: (text) => ElMessage({ type: 'error', message: text, grouping: true, showClose: true }),
    })
  },
}
export default setup
