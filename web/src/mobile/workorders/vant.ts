// The Vant components the work-order pages use beyond the ones mobile/vant.ts registers for
// every phone page: imported here with their styles and registered locally by each page
// (`import { VanUploader } from '@/mobile/workorders/vant'` lets the template say <van-uploader>), so
// pages that do not use them do not download them.
import 'vant/es/uploader/style/index'
import 'vant/es/steps/style/index'
import 'vant/es/step/style/index'
import 'vant/es/rate/style/index'
import 'vant/es/switch/style/index'
import 'vant/es/stepper/style/index'
import 'vant/es/popup/style/index'
import 'vant/es/dialog/style/index'
import 'vant/es/action-sheet/style/index'
import 'vant/es/image-preview/style/index'
import 'vant/es/list/style/index'
import 'vant/es/pull-refresh/style/index'
import 'vant/es/badge/style/index'
import 'vant/es/notice-bar/style/index'

export {
  ActionSheet as VanActionSheet, Badge as VanBadge, Dialog as VanDialog, List as VanList, NoticeBar as VanNoticeBar,
  Popup as VanPopup, PullRefresh as VanPullRefresh, Rate as VanRate, Step as VanStep, Stepper as VanStepper,
  Steps as VanSteps, Switch as VanSwitch, Uploader as VanUploader,
} from 'vant'
