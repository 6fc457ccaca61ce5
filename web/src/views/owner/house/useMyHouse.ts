import { onMounted, ref } from 'vue'
import { ApiError, errorText } from '@/api/request'
import {
  getHouse, listHouseResidents, listVehicles, type House, type HouseResident, type Vehicle,
} from '@/api/property'
import { useProjectsStore } from '@/stores/projects'

/** One of the resident's houses with its household and vehicles. Another house answers 404,
 *  which the page shows in place (not as a toast). */
export function useMyHouse(id: number) {
  const projects = useProjectsStore()
  const house = ref<House | null>(null)
  const members = ref<HouseResident[]>([])
  const vehicles = ref<Vehicle[]>([])
  const loading = ref(true)
  const failure = ref('')
  const notFound = ref(false)

  async function load() {
    loading.value = true
    failure.value = ''
    notFound.value = false
    try {
      house.value = await getHouse(id, { quiet: true })
      const [m, v] = await Promise.all([
        listHouseResidents(id),
        listVehicles({ house_id: id, page: 1, size: 100 }),
        projects.load(),
      ])
      members.value = m.items
      vehicles.value = v.items
    } catch (e) {
      notFound.value = e instanceof ApiError && e.status === 404
      failure.value = errorText(e)
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  return { house, members, vehicles, loading, failure, notFound, load, projectName: projects.nameOf }
}
