import { onMounted, ref } from 'vue'
import { listHouses, type House } from '@/api/property'
import { useProjectsStore } from '@/stores/projects'

/** The signed-in resident's houses (the server lists only their own) with project names. */
export function useMyHouses() {
  const projects = useProjectsStore()
  const houses = ref<House[]>([])
  const loading = ref(true)
  const failed = ref(false)

  async function load() {
    loading.value = true
    failed.value = false
    try {
      const [page] = await Promise.all([listHouses({ page: 1, size: 100 }), projects.load(true)])
      houses.value = page.items
    } catch {
      failed.value = true // the request layer showed the error
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  return { houses, loading, failed, load, projectName: projects.nameOf }
}
