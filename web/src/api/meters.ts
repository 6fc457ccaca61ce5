// 抄表 rounds on the phone: the meters of a building in walking order and recording readings.
// Readings and consumption are integers in 1/100 unit (0.01 m³ or kWh).
import { http, type Page, type RequestOptions } from './request'
import type { Schema } from './schema'
import type { Building } from './property'
import type { MeterReading } from './billing'

/** A meter; last_period and last_reading: its latest accepted (not rejected) reading. */
export type Meter = Schema<'Meter'>
export type NewReading = Schema<'MeterReadingCreate'>

export const listBuildings = (project_id: number) =>
  http.get<Page<Building>>('/api/v1/buildings', { project_id, page: 1, size: 100 })
/** One page of a building's meters in walking order. */
export const listMeters = (q: { project_id: number; building_id: number; page: number; size: number }) =>
  http.get<Page<Meter>>('/api/v1/meters', q)
export const recordReading = (b: NewReading, opts: RequestOptions = {}) =>
  http.post<MeterReading>('/api/v1/meter-readings', b, opts)
