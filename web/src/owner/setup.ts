// Set-up of the /owner route group: installs its UI kit (Vant, shared with the other phone
// group in mobile/vant.ts) and shows errors as a Vant toast. Loaded only when a /owner page
// is opened, so /owner never downloads Element Plus or ECharts.
import type { GroupSetup } from '@/router/groups'
import { activateVant, installVant } from '@/mobile/vant'

const setup: GroupSetup = {
  install: installVant,
  activate: activateVant,
}
export default setup
