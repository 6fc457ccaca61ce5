// A dispatch skill's label: the known ones translated, any other code as it is.
import { useI18n } from 'vue-i18n'

export function useSkillName() {
  const { t, te } = useI18n()
  return (code: string) => (te(`wo.skills.${code}`) ? t(`wo.skills.${code}`) : code)
}
