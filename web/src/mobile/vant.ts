// Vant for the two phone groups (/owner and /staff): the components they use, registered
// once, with only their own styles; Vant's texts follow the app's language; errors from the
// request layer become a Vant toast. Imported only by owner/setup.ts and staff/setup.ts.
import { watch, type App } from 'vue'
import {
  Button, Cell, CellGroup, Checkbox, CheckboxGroup, Empty, Field, Form, Grid, GridItem, Icon, Loading, Locale, NavBar,
  Radio, RadioGroup, Tab, Tabbar, TabbarItem, Tabs, Tag, showFailToast,
} from 'vant'
import enUS from 'vant/es/locale/lang/en-US'
import zhCN from 'vant/es/locale/lang/zh-CN'
import 'vant/es/button/style/index'
import 'vant/es/cell/style/index'
import 'vant/es/cell-group/style/index'
import 'vant/es/checkbox/style/index'
import 'vant/es/checkbox-group/style/index'
import 'vant/es/empty/style/index'
import 'vant/es/field/style/index'
import 'vant/es/form/style/index'
import 'vant/es/grid/style/index'
import 'vant/es/grid-item/style/index'
import 'vant/es/icon/style/index'
import 'vant/es/loading/style/index'
import 'vant/es/nav-bar/style/index'
import 'vant/es/radio/style/index'
import 'vant/es/radio-group/style/index'
import 'vant/es/tab/style/index'
import 'vant/es/tabs/style/index'
import 'vant/es/tabbar/style/index'
import 'vant/es/tabbar-item/style/index'
import 'vant/es/tag/style/index'
import 'vant/es/toast/style/index'
import './mobile.css'
import { i18n } from '@/locales'
import { setRequestHooks } from '@/api/request'

const COMPONENTS = [
  Button, Cell, CellGroup, Checkbox, CheckboxGroup, Empty, Field, Form, Grid, GridItem, Icon, Loading, NavBar, Radio,
  RadioGroup, Tab, Tabbar, TabbarItem, Tabs, Tag,
]
let installed = false

export function installVant(app: App): void {
  if (installed) return
  installed = true
  for (const c of COMPONENTS) app.use(c)
  watch(i18n.global.locale, (l) => {
    if (l === 'en-US') Locale.use('en-US', enUS)
    else Locale.use('zh-CN', zhCN)
  }, { immediate: true })
}

/** Called when a phone group is entered: server errors show as a toast. */
export function activateVant(): void {
  setRequestHooks({ notify: (text) => showFailToast({ message: text, wordBreak: 'break-word' }) })
}
