import { reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { errorText } from '@/api/request'
import { useSessionStore } from '@/stores/session'
import { useFormErrors } from '@/composables/useFormErrors'
import { GROUPS } from '@/router/groups'

/** Sign-in of a phone group; an account of the other kind is signed out again with a message and
 *  links to the apps it may use (`otherApps`: a staff account on /owner gets /staff and /admin,
 *  a resident on /staff gets /owner). */
export function usePhoneLogin(group: 'owner' | 'staff') {
  const { t } = useI18n()
  const route = useRoute()
  const router = useRouter()
  const session = useSessionStore()
  const g = GROUPS[group]
  const form = reactive({ login: '', password: '' })
  const { errors, apply, set, clear } = useFormErrors()
  const failure = ref('')
  const otherApps = ref<{ href: string, label: string }[]>([])
  const busy = ref(false)

  async function submit() {
    clear()
    failure.value = ''
    otherApps.value = []
    if (!form.login.trim()) set('login', t('login.loginRequired'))
    if (!form.password) set('password', t('login.passwordRequired'))
    if (Object.keys(errors).length) return
    busy.value = true
    try {
      const user = await session.login(form.login.trim(), form.password)
      if (user.kind !== g.accountKind) {
        await session.logout()
        form.password = ''
        failure.value = t(group === 'owner' ? 'phone.staffAccountOnOwner' : 'phone.residentAccountOnStaff')
        otherApps.value = group === 'owner'
          ? [{ href: GROUPS.staff.loginPath, label: 'phone.openStaffApp' }, { href: GROUPS.admin.loginPath, label: 'phone.openConsole' }]
          : [{ href: GROUPS.owner.loginPath, label: 'phone.openOwnerApp' }]
        return
      }
      const redirect = route.query.redirect
      const target = typeof redirect === 'string' && redirect.startsWith(g.prefix) && !redirect.startsWith(g.loginPath)
        ? redirect : g.homePath
      await router.replace(target)
    } catch (e) {
      if (!apply(e)) failure.value = errorText(e)
    } finally {
      busy.value = false
    }
  }
  return { form, errors, failure, otherApps, busy, submit }
}
