// Set-up of the /staff route group: installs its UI kit (Vant, shared with the other phone
// group in mobile/vant.ts) and shows errors as a Vant toast. Loaded only when a /staff page
// is opened, so /staff never downloads Element Plus or ECharts.
import type { GroupSetup } from '@/router/groups'
import { activateVant, installVant } from '@/mobile/vant'

const setup: GroupSetup = {
  install: installVant,
  activate: activateVant,
}
export default setup
