// 抄表 rounds on the phone: the meters of a building in walking order and recording readings.
// Readings and consumption are integers in 1/100 unit (0.01 m³ or kWh).
import { http, type Page, type RequestOptions } from './request'
import type { Building } from './property'
import type { MeterReading } from './billing'

export interface Meter {
  id: number
  project_id: number
  house_id: number | null
  house_code: string | null
  building_id: number
  code: string
  kind: 'water' | 'electricity' | 'gas'
  shared: boolean
  walk_order: number
  active: boolean
  initial_reading: number
  /** The latest accepted (not rejected) reading. */
  last_period: string | null
  last_reading: number | null
}
export interface NewReading {
  meter_id: number
  /** "YYYY-MM" */
  period: string
  reading: number
  note?: string
}

export const listBuildings = (project_id: number) =>
  http.get<Page<Building>>('/api/v1/buildings', { project_id, page: 1, size: 100 })
/** One page of a building's meters in walking order. */
export const listMeters = (q: { project_id: number; building_id: number; page: number; size: number }) =>
  http.get<Page<Meter>>('/api/v1/meters', q)
export const recordReading = (b: NewReading, opts: RequestOptions = {}) =>
  http.post<MeterReading>('/api/v1/meter-readings', b, opts)
