// Column widths that depend on the language: English labels and tags ("Owner-occupied",
// "Engineering") need more room than their Chinese ones, and a word must not be cut or broken
// mid-word. `w(zh, en)` is the width for the current language.
import { useI18n } from 'vue-i18n'

export function useColumnWidth() {
  const { locale } = useI18n()
  return (zh: number, en: number): number => (locale.value === 'en-US' ? en : zh)
}
