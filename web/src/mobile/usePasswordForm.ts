import { reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { showFailToast, showSuccessToast } from 'vant'
import { changePassword } from '@/api/auth'
import { ApiError, errorText } from '@/api/request'
import { useFormErrors } from '@/composables/useFormErrors'

/** Change one's own password; the server's field errors land under their fields. */
export function usePasswordForm() {
  const { t } = useI18n()
  const form = reactive({ current_password: '', new_password: '' })
  const { errors, apply, set, clear } = useFormErrors()
  const saving = ref(false)

  async function submit() {
    clear()
    if (!form.current_password) set('current_password', t('common.required'))
    if (!form.new_password) set('new_password', t('common.required'))
    if (Object.keys(errors).length) return
    saving.value = true
    try {
      await changePassword(form.current_password, form.new_password, { quiet: true })
      form.current_password = form.new_password = ''
      showSuccessToast(t('layout.passwordChanged'))
    } catch (e) {
      // Field errors go under their fields; anything else (CSRF, network) as a toast; a 401
      // has already sent the user to the login page.
      const expired = e instanceof ApiError && e.status === 401
      if (!apply(e) && !expired) showFailToast(errorText(e))
      // Older servers name the new password "password" in field errors.
      if (errors.password && !errors.new_password) errors.new_password = errors.password
    } finally {
      saving.value = false
    }
  }
  return { form, errors, saving, submit }
}
