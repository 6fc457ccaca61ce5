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

/** "张伟 138****1234 +2": whose house it is, for a picker's hint; the person the text
 *  matched (by name or phone digits) first, else the first owner. */
export function peopleHint(people: { name: string; phone: string }[], q = ''): string {
  if (!people.length) return ''
  const digits = /^\d{4,}$/.test(q) ? q.slice(-4) : ''
  const hit = people.find((p) => (digits && p.phone.endsWith(digits)) || (q && p.name.includes(q))) ?? people[0]
  const first = `${hit.name} ${hit.phone}`
  return people.length > 1 ? `${first} +${people.length - 1}` : first
}

/** The counter's lookup (收银台): by code, a person's name, a plate, the last 4 digits of a
 *  phone or a whole phone, each house shown with whose it is. Empty text lists houses. */
export function deskHouseSource(projectId?: number | null): OptionSource {
  const plain = houseSource(projectId)
  return {
    search: async (q) => {
      if (!q || !projectId) return plain.search(q)
      const found = await api.lookupHouses(projectId, q)
      return found.items.map((m) => ({ value: m.id, label: m.code, hint: peopleHint(m.people, q) }))
    },
    byId: plain.byId,
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
