import { computed, onMounted, ref } from 'vue'
import { getResident, type ResidentDetail } from '@/api/property'
import { useSessionStore } from '@/stores/session'
import { useLogout } from '@/mobile/useLogout'

/** The signed-in resident: account from the session, phone and ID number (masked by the
 *  server) from their own resident record. */
export function useOwnerProfile() {
  const session = useSessionStore()
  const user = computed(() => session.user)
  const resident = ref<ResidentDetail | null>(null)
  const loading = ref(true)

  async function load() {
    const id = session.user?.resident_ids?.[0]
    loading.value = true
    try {
      resident.value = id ? await getResident(id) : null
    } catch {
      resident.value = null // the request layer showed the error
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  return { user, resident, loading, logout: useLogout('owner') }
}
