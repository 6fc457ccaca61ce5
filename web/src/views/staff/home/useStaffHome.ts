import { computed, onMounted, ref } from 'vue'
import type { Project } from '@/api/org'
import { useProjectsStore } from '@/stores/projects'
import { useSessionStore } from '@/stores/session'

/** The staff member's projects: those their role grants name (every visible project when a
 *  grant is company-wide), named from GET /api/v1/projects. */
export function useStaffHome() {
  const session = useSessionStore()
  const projects = useProjectsStore()
  const loading = ref(true)

  const companyWide = computed(() => (session.user?.permissions ?? []).some((g) => g.all_projects))
  const mine = computed<Project[]>(() => {
    if (companyWide.value) return projects.items
    const ids = new Set((session.user?.permissions ?? []).flatMap((g) => g.projects))
    return projects.items.filter((p) => ids.has(p.id))
  })

  async function load() {
    loading.value = true
    try {
      await projects.load(true)
    } catch {
      /* the request layer showed the error */
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  return { user: computed(() => session.user), projects: mine, companyWide, loading }
}
