import { useRouter } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import { GROUPS } from '@/router/groups'

/** Sign out and go to the group's own login page. */
export function useLogout(group: 'owner' | 'staff') {
  const router = useRouter()
  const session = useSessionStore()
  return async function logout() {
    try {
      await session.logout()
    } catch {
      /* signed out locally either way */
    }
    await router.replace(GROUPS[group].loginPath)
  }
}
