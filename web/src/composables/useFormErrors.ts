// Field errors from the server, keyed by the field name the server used, for
// <el-form-item :error="errors.net_area"> (or a Vant field's error-message).
import { reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError } from '@/api/request'

export function useFormErrors() {
  const { t, te } = useI18n()
  const errors = reactive<Record<string, string>>({})

  function clear() {
    for (const k of Object.keys(errors)) delete errors[k]
  }
  function set(field: string, text: string) {
    errors[field] = text
  }
  /** Puts the error's field details next to their fields; true if there were any. */
  function apply(err: unknown): boolean {
    clear()
    if (!(err instanceof ApiError) || err.fields.length === 0) return false
    for (const f of err.fields) {
      const key = `fieldError.${f.code}`
      errors[f.field] = te(key) ? t(key) : f.message
    }
    return true
  }
  return { errors, clear, set, apply }
}
