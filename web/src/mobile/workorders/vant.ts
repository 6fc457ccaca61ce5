// The Vant components the work-order pages use beyond the ones mobile/vant.ts registers for
// every phone page: imported here with their styles and registered locally by each page
// (`import { VanUploader } from '@/mobile/workorders/vant'` lets the template say <van-uploader>), so
// pages that do not use them do not download them.
// Only each component's own stylesheet, never its style/index: that one also imports Vant's
// base.css and the styles of badge, button, popup… which mobile/vant.ts already imports. A
// stylesheet imported from both files would move to a chunk shared by both, whose <link> the
// browser receives AFTER mobile/vant.ts's, so base.css's `.van-hairline--top-bottom
// {position:relative}` came later than `.van-tabbar--fixed{position:fixed}` and un-fixed the
// tab bar (issue 12). Keep every file below out of mobile/vant.ts's list, dependencies first
// (the order of the components' style/index files).
import 'vant/es/image/index.css'
import 'vant/es/image-preview/index.css'
import 'vant/es/uploader/index.css'
import 'vant/es/steps/index.css'
import 'vant/es/step/index.css'
import 'vant/es/rate/index.css'
import 'vant/es/switch/index.css'
import 'vant/es/stepper/index.css'
import 'vant/es/action-bar/index.css'
import 'vant/es/action-bar-button/index.css'
import 'vant/es/dialog/index.css'
import 'vant/es/action-sheet/index.css'
import 'vant/es/list/index.css'
import 'vant/es/pull-refresh/index.css'
import 'vant/es/notice-bar/index.css'

export {
  ActionSheet as VanActionSheet, Badge as VanBadge, Dialog as VanDialog, List as VanList, NoticeBar as VanNoticeBar,
  Popup as VanPopup, PullRefresh as VanPullRefresh, Rate as VanRate, Step as VanStep, Stepper as VanStepper,
  Steps as VanSteps, Switch as VanSwitch, Uploader as VanUploader,
} from 'vant'
