// The home screen's figures, computed from the list endpoints' `total` (size=1 queries).
import { computed, onMounted, reactive, ref } from 'vue'
import { listHouses, listResidents } from '@/api/property'
import { useProjectsStore } from '@/stores/projects'
import { useSessionStore } from '@/stores/session'

export interface Vacancy {
  project: string
  total: number
  vacant: number
  /** Percent with one decimal (vacant / total × 100). */
  rate: number
}

export function useDashboard() {
  const session = useSessionStore()
  const projects = useProjectsStore()
  const counts = reactive<{ projects: number | null; houses: number | null; residents: number | null }>({
    projects: null, houses: null, residents: null,
  })
  const vacancy = ref<Vacancy[]>([])
  const loading = ref(false)
  /** The figures above are in: the billing card starts its own requests then. */
  const loaded = ref(false)
  const canProjects = computed(() => session.can('org:project:read'))
  const canHouses = computed(() => session.can('property:house:read'))
  const canResidents = computed(() => session.can('property:resident:read'))

  async function load() {
    loading.value = true
    try {
      const jobs: Promise<unknown>[] = []
      if (canProjects.value) {
        jobs.push(projects.load(true).then((p) => (counts.projects = p.length)))
      }
      if (canHouses.value) jobs.push(listHouses({ size: 1 }).then((r) => (counts.houses = r.total)))
      if (canResidents.value) jobs.push(listResidents({ page: 1, size: 1 }).then((r) => (counts.residents = r.total)))
      await Promise.allSettled(jobs)
      if (canProjects.value && canHouses.value) await loadVacancy()
    } finally {
      loading.value = false
      loaded.value = true
    }
  }

  async function loadVacancy() {
    const rows = await Promise.all(
      projects.items.map(async (p) => {
        const [all, vacant] = await Promise.all([
          listHouses({ project_id: p.id, size: 1 }),
          listHouses({ project_id: p.id, status: 'vacant', size: 1 }),
        ])
        // Integer math: rate in tenths of a percent, rounded half up.
        const tenths = all.total ? Math.floor((vacant.total * 1000 * 2 + all.total) / (2 * all.total)) : 0
        return { project: p.name, total: all.total, vacant: vacant.total, rate: tenths / 10 }
      }),
    )
    vacancy.value = rows
  }

  onMounted(load)
  return { counts, vacancy, loading, loaded, canProjects, canHouses, canResidents, reload: load }
}
