// Option sources for the remote-search pickers: search within one project, and load the
// current value by id so an edit form shows its label instead of a bare number.
import * as api from '@/api/property'

export interface PickerOption {
  value: number
  label: string
  hint?: string
}
export interface OptionSource {
  search: (q: string) => Promise<PickerOption[]>
  byId: (id: number) => Promise<PickerOption>
}

const SIZE = 20
const quiet = { quiet: true }

const houseOption = (h: api.House): PickerOption => ({ value: h.id, label: h.code, hint: h.building_name })
const residentOption = (r: api.Resident): PickerOption => ({ value: r.id, label: r.name, hint: r.phone })
const vehicleOption = (v: api.Vehicle): PickerOption => ({ value: v.id, label: v.plate })

/** Houses of a project by code (or number). */
export function houseSource(projectId?: number | null): OptionSource {
  return {
    search: async (q) => (await api.listHouses({ project_id: projectId ?? undefined, q, page: 1, size: SIZE })).items.map(houseOption),
    byId: async (id) => houseOption(await api.getHouse(id, quiet)),
  }
}

/** Residents living in a project (or the whole company) by part of a name, or a full phone/ID number. */
export function residentSource(projectId?: number | null): OptionSource {
  return {
    search: async (q) => (await api.listResidents({ project_id: projectId ?? undefined, q, page: 1, size: SIZE })).items.map(residentOption),
    byId: async (id) => residentOption(await api.getResident(id, quiet)),
  }
}

/** Vehicles of a project by plate. */
export function vehicleSource(projectId?: number | null): OptionSource {
  return {
    search: async (q) => (await api.listVehicles({ project_id: projectId ?? undefined, q, page: 1, size: SIZE })).items.map(vehicleOption),
    byId: async (id) => vehicleOption(await api.getVehicle(id, quiet)),
  }
}
