// Types of the Vant components that mobile/vant.ts registers globally, so the phone pages'
// templates (<van-cell>, <van-field>, …) are type-checked.
import type {
  Button, Cell, CellGroup, Empty, Field, Form, Loading, NavBar, Tab, Tabbar, TabbarItem, Tabs, Tag,
} from 'vant'

declare module 'vue' {
  export interface GlobalComponents {
    VanButton: typeof Button
    VanCell: typeof Cell
    VanCellGroup: typeof CellGroup
    VanEmpty: typeof Empty
    VanField: typeof Field
    VanForm: typeof Form
    VanLoading: typeof Loading
    VanNavBar: typeof NavBar
    VanTab: typeof Tab
    VanTabs: typeof Tabs
    VanTabbar: typeof Tabbar
    VanTabbarItem: typeof TabbarItem
    VanTag: typeof Tag
  }
}
