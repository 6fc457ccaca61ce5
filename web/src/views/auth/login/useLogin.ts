import { reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { errorText } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import { useFormErrors } from '@/composables/useFormErrors'

/** Staff sign-in for the console; a resident account is refused here and pointed to the owner
 *  app (`ownerApp` turns true: the page shows a link to /owner). */
export function useLogin() {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const session = useSessionStore()
  const form = reactive({ login: '', password: '' })
  const { errors, apply, set, clear } = useFormErrors()
  const failure = ref('')
  const ownerApp = ref(false)
  const busy = ref(false)

  async function submit() {
    clear()
    failure.value = ''
    ownerApp.value = false
    if (!form.login.trim()) set('login', t('login.loginRequired'))
    if (!form.password) set('password', t('login.passwordRequired'))
    if (Object.keys(errors).length) return
    busy.value = true
    try {
      const user = await session.login(form.login.trim(), form.password)
      if (user.kind !== 'staff') {
        await session.logout()
        failure.value = t('login.residentOnConsole')
        ownerApp.value = true
        return
      }
      const target = typeof route.query.redirect === 'string' && route.query.redirect.startsWith('/admin')
        ? route.query.redirect : '/admin'
      await router.replace(target)
    } catch (e) {
      if (!apply(e)) failure.value = errorText(e)
    } finally {
      busy.value = false
    }
  }
  return { form, errors, failure, ownerApp, busy, submit }
}
