// Set-up of the /owner route group: installs its UI kit (Vant) and the way it shows errors.
// Loaded only when a /owner page is opened.
import type { GroupSetup } from '@/router/groups'
import { setRequestHooks } from '@/api/request'

const setup: GroupSetup = {
  install() {},
  activate() {
    setRequestHooks({ notify: (text) => console.error(text) })
  },
}
export default setup
