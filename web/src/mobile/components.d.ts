// Types of the Vant components that mobile/vant.ts registers globally, so the phone pages'
// templates (<van-cell>, <van-field>, …) are type-checked.
import type {
  Button, Cell, CellGroup, Checkbox, CheckboxGroup, Empty, Field, Form, Icon, Loading, NavBar, Radio, RadioGroup, Tab,
  Tabbar, TabbarItem, Tabs, Tag,
} from 'vant'

declare module 'vue' {
  export interface GlobalComponents {
    VanButton: typeof Button
    VanCell: typeof Cell
    VanCellGroup: typeof CellGroup
    VanCheckbox: typeof Checkbox
    VanCheckboxGroup: typeof CheckboxGroup
    VanEmpty: typeof Empty
    VanField: typeof Field
    VanForm: typeof Form
    VanIcon: typeof Icon
    VanLoading: typeof Loading
    VanNavBar: typeof NavBar
    VanRadio: typeof Radio
    VanRadioGroup: typeof RadioGroup
    VanTab: typeof Tab
    VanTabs: typeof Tabs
    VanTabbar: typeof Tabbar
    VanTabbarItem: typeof TabbarItem
    VanTag: typeof Tag
  }
}
