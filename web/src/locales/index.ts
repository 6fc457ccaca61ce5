// vue-i18n set-up: zh-CN first, en-US second; the choice is kept in localStorage.
import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import enUS from './en-US'

export type Locale = 'zh-CN' | 'en-US'
export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en-US', label: 'English' },
]
const STORAGE_KEY = 'anju.locale'

function initialLocale(): Locale {
  const saved = localStorage.getItem(STORAGE_KEY)
  return saved === 'en-US' || saved === 'zh-CN' ? saved : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, 'en-US': enUS },
})

export function setLocale(l: Locale): void {
  i18n.global.locale.value = l
  localStorage.setItem(STORAGE_KEY, l)
  document.documentElement.lang = l
}
document.documentElement.lang = i18n.global.locale.value

/** The translated text of a server error key ("property.house_not_found"), or `fallback`. */
export function serverText(key: string, fallback: string): string {
  const k = `server.${key}`
  return key && i18n.global.te(k) ? i18n.global.t(k) : fallback
}

/** The label of an audit action ("property.house.create"); the code itself when unknown. */
export function auditActionText(action: string): string {
  const k = `auditAction.${action.replace(/\./g, '_')}`
  return i18n.global.te(k) ? i18n.global.t(k) : action
}

/** The label of an audit entity ("house" → 房屋); the code itself when unknown. */
export function auditEntityText(entity: string): string {
  const k = `auditEntity.${entity}`
  return i18n.global.te(k) ? i18n.global.t(k) : entity
}
