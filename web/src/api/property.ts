import { http, type Page, type RequestOptions } from './request'

export const BUILDING_KINDS = ['residential', 'commercial', 'parking', 'office', 'mixed'] as const
export const HOUSE_KINDS = ['residential', 'shop', 'parking', 'office', 'storage'] as const
export const HOUSE_STATUSES = ['vacant', 'self_occupied', 'rented', 'decorating'] as const
export const RELATIONS = ['owner', 'family', 'tenant'] as const
export const VEHICLE_KINDS = ['car', 'ev', 'motorcycle'] as const
export const PARKING_KINDS = ['owned', 'rented', 'public', 'visitor'] as const
export const PARKING_STATUSES = ['vacant', 'occupied', 'reserved'] as const

/** Areas are integers in 0.01 m². */
export type Area = number

export interface Building {
  id: number
  project_id: number
  code: string
  name: string
  kind: string
  floors_above: number
  floors_below: number
}
export interface Entrance {
  id: number
  project_id: number
  building_id: number
  code: string
  name: string
}
export interface Floor {
  id: number
  project_id: number
  building_id: number
  entrance_id: number
  number: number
  name: string
}
export interface TreeFloor { id: number; number: number; name: string; house_count: number }
export interface TreeEntrance { id: number; code: string; name: string; house_count: number; floors: TreeFloor[] }
export interface TreeBuilding {
  id: number
  code: string
  name: string
  kind: string
  house_count: number
  entrances: TreeEntrance[]
}
export interface Tree { project_id: number; buildings: TreeBuilding[] }

export interface House {
  id: number
  project_id: number
  building_id: number
  building_name: string
  entrance_id: number
  entrance_name: string
  floor_id: number
  floor_name: string
  floor_number: number
  number: string
  code: string
  kind: string
  status: string
  gross_area: Area
  net_area: Area
  delivered_on: string | null
  resident_count: number
}
export interface HouseFilter {
  project_id?: number
  building_id?: number
  entrance_id?: number
  floor_id?: number
  kind?: string
  status?: string
  q?: string
  page?: number
  size?: number
}
export interface HouseResident {
  id: number
  house_id: number
  resident_id: number
  resident_name: string
  phone: string
  relation: string
  start_date: string
  end_date: string | null
}
export interface Resident {
  id: number
  name: string
  phone: string
  id_number: string | null
  user_id: number | null
  created_at: string
}
/** A resident record with the houses it belongs to (GET /api/v1/residents/{id}). */
export interface ResidentDetail extends Resident {
  houses: { id: number; house_id: number; house_code: string; project_id: number; relation: string }[]
}
export interface Vehicle {
  id: number
  project_id: number
  house_id: number | null
  resident_id: number | null
  plate: string
  kind: string
  brand: string
  color: string
}
export interface ParkingSpace {
  id: number
  project_id: number
  code: string
  zone: string
  kind: string
  status: string
  area: Area
  house_id: number | null
  vehicle_id: number | null
}
type Body = Record<string, unknown>

export const getTree = (project_id: number) => http.get<Tree>('/api/v1/tree', { project_id })
export const createBuilding = (b: Body) => http.post<Building>('/api/v1/buildings', b)
export const updateBuilding = (id: number, b: Body) => http.patch<Building>(`/api/v1/buildings/${id}`, b)
export const deleteBuilding = (id: number) => http.del(`/api/v1/buildings/${id}`)
export const createEntrance = (b: Body) => http.post<Entrance>('/api/v1/entrances', b)
export const updateEntrance = (id: number, b: Body) => http.patch<Entrance>(`/api/v1/entrances/${id}`, b)
export const deleteEntrance = (id: number) => http.del(`/api/v1/entrances/${id}`)
export const createFloor = (b: Body) => http.post<Floor>('/api/v1/floors', b)
export const updateFloor = (id: number, b: Body) => http.patch<Floor>(`/api/v1/floors/${id}`, b)
export const deleteFloor = (id: number) => http.del(`/api/v1/floors/${id}`)

export const listHouses = (f: HouseFilter) => http.get<Page<House>>('/api/v1/houses', { ...f })
export const getHouse = (id: number, opts: RequestOptions = {}) =>
  http.get<House>(`/api/v1/houses/${id}`, undefined, opts)
export const createHouse = (b: Body) => http.post<House>('/api/v1/houses', b)
export const updateHouse = (id: number, b: Body) => http.patch<House>(`/api/v1/houses/${id}`, b)
export const deleteHouse = (id: number) => http.del(`/api/v1/houses/${id}`)
export const listHouseResidents = (id: number) =>
  http.get<Page<HouseResident>>(`/api/v1/houses/${id}/residents`)

export const linkResident = (houseId: number, b: Body) =>
  http.post<HouseResident>(`/api/v1/houses/${houseId}/residents`, b)
export const updateLink = (houseId: number, linkId: number, b: Body) =>
  http.patch<HouseResident>(`/api/v1/houses/${houseId}/residents/${linkId}`, b)
export const unlinkResident = (houseId: number, linkId: number) =>
  http.del(`/api/v1/houses/${houseId}/residents/${linkId}`)

export const listResidents = (q: { project_id?: number; house_id?: number; q?: string; page: number; size: number }) =>
  http.get<Page<Resident>>('/api/v1/residents', q)
export const getResident = (id: number, opts: RequestOptions = {}) =>
  http.get<ResidentDetail>(`/api/v1/residents/${id}`, undefined, opts)
export const createResident = (b: Body) => http.post<Resident>('/api/v1/residents', b)
export const updateResident = (id: number, b: Body) => http.patch<Resident>(`/api/v1/residents/${id}`, b)
export const unmaskResident = (id: number, reason: string) =>
  http.post<{ phone: string; id_number: string | null }>(`/api/v1/residents/${id}/unmask`, { reason })

export const listVehicles = (q: { project_id?: number; house_id?: number; q?: string; page: number; size: number }) =>
  http.get<Page<Vehicle>>('/api/v1/vehicles', q)
export const getVehicle = (id: number, opts: RequestOptions = {}) =>
  http.get<Vehicle>(`/api/v1/vehicles/${id}`, undefined, opts)
export const createVehicle = (b: Body) => http.post<Vehicle>('/api/v1/vehicles', b)
export const updateVehicle = (id: number, b: Body) => http.patch<Vehicle>(`/api/v1/vehicles/${id}`, b)
export const deleteVehicle = (id: number) => http.del(`/api/v1/vehicles/${id}`)

export const listParkingSpaces = (q: { project_id?: number; kind?: string; status?: string; q?: string; page: number; size: number }) =>
  http.get<Page<ParkingSpace>>('/api/v1/parking-spaces', q)
export const createParkingSpace = (b: Body) => http.post<ParkingSpace>('/api/v1/parking-spaces', b)
export const updateParkingSpace = (id: number, b: Body) =>
  http.patch<ParkingSpace>(`/api/v1/parking-spaces/${id}`, b)
