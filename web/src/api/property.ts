import { http, type Page, type RequestOptions } from './request'
import type { Fields, Schema } from './schema'

export const BUILDING_KINDS = ['residential', 'commercial', 'parking', 'office', 'mixed'] as const satisfies readonly Schema<'BuildingKind'>[]
export const HOUSE_KINDS = ['residential', 'shop', 'parking', 'office', 'storage'] as const satisfies readonly Schema<'HouseKind'>[]
export const HOUSE_STATUSES = ['vacant', 'self_occupied', 'rented', 'decorating'] as const satisfies readonly Schema<'HouseStatus'>[]
export const RELATIONS = ['owner', 'family', 'tenant'] as const satisfies readonly Schema<'Relation'>[]
export const VEHICLE_KINDS = ['car', 'ev', 'motorcycle'] as const satisfies readonly Schema<'VehicleKind'>[]
export const PARKING_KINDS = ['owned', 'rented', 'public', 'visitor'] as const satisfies readonly Schema<'ParkingKind'>[]
export const PARKING_STATUSES = ['vacant', 'occupied', 'reserved'] as const satisfies readonly Schema<'ParkingStatus'>[]

/** Areas are integers in 0.01 m². */
export type Area = Schema<'Area'>

export type Building = Schema<'Building'>
export type Entrance = Schema<'Entrance'>
export type Floor = Schema<'Floor'>
export type Tree = Schema<'Tree'>
export type TreeBuilding = Tree['buildings'][number]
export type TreeEntrance = TreeBuilding['entrances'][number]
export type TreeFloor = TreeEntrance['floors'][number]
export type House = Schema<'House'>
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
export type HouseResident = Schema<'HouseResident'>
export type Resident = Schema<'Resident'>
/** A resident record with the houses it belongs to (GET /api/v1/residents/{id}). */
export type ResidentDetail = Schema<'ResidentDetail'>
export type Vehicle = Schema<'Vehicle'>
export type ParkingSpace = Schema<'ParkingSpace'>
export const getTree = (project_id: number) => http.get<Tree>('/api/v1/tree', { project_id })
export const createBuilding = (b: Fields<Schema<'BuildingCreate'>>) => http.post<Building>('/api/v1/buildings', b)
export const updateBuilding = (id: number, b: Fields<Schema<'BuildingUpdate'>>) => http.patch<Building>(`/api/v1/buildings/${id}`, b)
export const deleteBuilding = (id: number) => http.del(`/api/v1/buildings/${id}`)
export const createEntrance = (b: Schema<'EntranceCreate'>) => http.post<Entrance>('/api/v1/entrances', b)
export const updateEntrance = (id: number, b: Schema<'EntranceUpdate'>) => http.patch<Entrance>(`/api/v1/entrances/${id}`, b)
export const deleteEntrance = (id: number) => http.del(`/api/v1/entrances/${id}`)
export const createFloor = (b: Fields<Schema<'FloorCreate'>>) => http.post<Floor>('/api/v1/floors', b)
export const updateFloor = (id: number, b: Fields<Schema<'FloorUpdate'>>) => http.patch<Floor>(`/api/v1/floors/${id}`, b)
export const deleteFloor = (id: number) => http.del(`/api/v1/floors/${id}`)

export const listHouses = (f: HouseFilter) => http.get<Page<House>>('/api/v1/houses', { ...f })
export const getHouse = (id: number, opts: RequestOptions = {}) =>
  http.get<House>(`/api/v1/houses/${id}`, undefined, opts)
export const createHouse = (b: Fields<Schema<'HouseCreate'>>) => http.post<House>('/api/v1/houses', b)
export const updateHouse = (id: number, b: Fields<Schema<'HouseUpdate'>>) => http.patch<House>(`/api/v1/houses/${id}`, b)
export const deleteHouse = (id: number) => http.del(`/api/v1/houses/${id}`)
/** 查找房屋: the counter's search (code, name, plate, last 4 digits of a phone, a whole phone). */
export type HouseMatch = Schema<'HouseMatch'>
export const lookupHouses = (project_id: number, q: string) =>
  http.get<{ items: HouseMatch[] }>('/api/v1/houses/lookup', { project_id, q })
export const listHouseResidents = (id: number) =>
  http.get<Page<HouseResident>>(`/api/v1/houses/${id}/residents`)

export const linkResident = (houseId: number, b: Fields<Schema<'HouseResidentCreate'>>) =>
  http.post<HouseResident>(`/api/v1/houses/${houseId}/residents`, b)
export const updateLink = (houseId: number, linkId: number, b: Fields<Schema<'HouseResidentUpdate'>>) =>
  http.patch<HouseResident>(`/api/v1/houses/${houseId}/residents/${linkId}`, b)
export const unlinkResident = (houseId: number, linkId: number) =>
  http.del(`/api/v1/houses/${houseId}/residents/${linkId}`)

export const listResidents = (q: { project_id?: number; house_id?: number; q?: string; page: number; size: number }) =>
  http.get<Page<Resident>>('/api/v1/residents', q)
export const getResident = (id: number, opts: RequestOptions = {}) =>
  http.get<ResidentDetail>(`/api/v1/residents/${id}`, undefined, opts)
export const createResident = (b: Fields<Schema<'ResidentCreate'>>) => http.post<Resident>('/api/v1/residents', b)
export const updateResident = (id: number, b: Fields<Schema<'ResidentUpdate'>>) => http.patch<Resident>(`/api/v1/residents/${id}`, b)
export const unmaskResident = (id: number, reason: string) =>
  http.post<Schema<'UnmaskedResident'>>(`/api/v1/residents/${id}/unmask`, { reason })

export const listVehicles = (q: { project_id?: number; house_id?: number; q?: string; page: number; size: number }) =>
  http.get<Page<Vehicle>>('/api/v1/vehicles', q)
export const getVehicle = (id: number, opts: RequestOptions = {}) =>
  http.get<Vehicle>(`/api/v1/vehicles/${id}`, undefined, opts)
export const createVehicle = (b: Fields<Schema<'VehicleCreate'>>) => http.post<Vehicle>('/api/v1/vehicles', b)
export const updateVehicle = (id: number, b: Fields<Schema<'VehicleUpdate'>>) => http.patch<Vehicle>(`/api/v1/vehicles/${id}`, b)
export const deleteVehicle = (id: number) => http.del(`/api/v1/vehicles/${id}`)

export const listParkingSpaces = (q: { project_id?: number; kind?: string; status?: string; q?: string; page: number; size: number }) =>
  http.get<Page<ParkingSpace>>('/api/v1/parking-spaces', q)
export const createParkingSpace = (b: Fields<Schema<'ParkingSpaceCreate'>>) => http.post<ParkingSpace>('/api/v1/parking-spaces', b)
export const updateParkingSpace = (id: number, b: Fields<Schema<'ParkingSpaceUpdate'>>) =>
  http.patch<ParkingSpace>(`/api/v1/parking-spaces/${id}`, b)
