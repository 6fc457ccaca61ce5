import { computed, onMounted, ref } from 'vue'
import type { Project } from '@/api/org'
import { WO_IN_PROGRESS, listWorkOrders, type WorkOrder } from '@/api/workorders'
import { useProjectsStore } from '@/stores/projects'
import { useSessionStore } from '@/stores/session'

/** The staff member's projects: those their role grants name (every visible project when a
 *  grant is company-wide), named from GET /api/v1/projects; and, for those who handle work
 *  orders, the first of their open orders. */
export function useStaffHome() {
  const session = useSessionStore()
  const projects = useProjectsStore()
  const loading = ref(true)
  const handles = computed(() => session.can('workorder:handle'))
  /** My open work orders (assigned to me, accepted, on site, paused), most urgent first by the server. */
  const tasks = ref<WorkOrder[]>([])
  const taskTotal = ref(0)

  const companyWide = computed(() => (session.user?.permissions ?? []).some((g) => g.all_projects))
  const mine = computed<Project[]>(() => {
    if (companyWide.value) return projects.items
    const ids = new Set((session.user?.permissions ?? []).flatMap((g) => g.projects))
    return projects.items.filter((p) => ids.has(p.id))
  })

  async function load() {
    loading.value = true
    try {
      const [, mine] = await Promise.all([
        projects.load(true),
        handles.value ? listWorkOrders({ mine: true, status: ['assigned', ...WO_IN_PROGRESS].join(','), size: 5 }) : null,
      ])
      tasks.value = mine?.items ?? []
      taskTotal.value = mine?.total ?? 0
    } catch {
      /* the request layer showed the error */
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  return { user: computed(() => session.user), projects: mine, companyWide, loading, handles, tasks, taskTotal }
}
