import { ref, watch, type Ref } from 'vue'
import { listHouseResidents, listVehicles, type House, type HouseResident, type Vehicle } from '@/api/property'
import { useSessionStore } from '@/stores/session'

/** The residents and vehicles of the house shown in the drawer. */
export function useHouseDetail(house: Ref<House | null>) {
  const session = useSessionStore()
  const residents = ref<HouseResident[]>([])
  const vehicles = ref<Vehicle[]>([])
  const loading = ref(false)

  watch(house, async (h) => {
    residents.value = []
    vehicles.value = []
    if (!h) return
    loading.value = true
    try {
      const [r, v] = await Promise.all([
        session.can('property:resident:read', h.project_id) ? listHouseResidents(h.id) : null,
        session.can('property:vehicle:read', h.project_id) ? listVehicles({ house_id: h.id, page: 1, size: 100 }) : null,
      ])
      residents.value = r?.items ?? []
      vehicles.value = v?.items ?? []
    } catch {
      /* shown */
    } finally {
      loading.value = false
    }
  })
  /** Reloads the residents after a link changed. */
  async function reloadResidents() {
    const h = house.value
    if (!h) return
    try {
      residents.value = (await listHouseResidents(h.id)).items
    } catch {
      /* shown */
    }
  }
  return { residents, vehicles, loading, reloadResidents }
}
