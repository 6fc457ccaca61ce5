// 优惠规则 (discount rules): rate_bp basis points off every NEW bill of one fee item for the
// periods period_from..period_to (open-ended when period_to is null); the best active rule
// applies. Rates stay integers (basis points); utils/rate.ts converts them for display/input.
import { http, type Page } from './request'

export interface DiscountRule {
  id: number
  project_id: number
  fee_item_id: number
  name: string
  /** Basis points off, 1..10000 (1000 = 10 % off = 九折). */
  rate_bp: number
  /** "YYYY-MM" */
  period_from: string
  period_to: string | null
  active: boolean
  created_at: string
  updated_at: string
}
export interface NewDiscountRule {
  project_id: number
  fee_item_id: number
  name: string
  rate_bp: number
  period_from: string
  period_to?: string
  active?: boolean
}
export interface DiscountRuleChange {
  name?: string
  rate_bp?: number
  period_from?: string
  /** null: open-ended. */
  period_to?: string | null
  active?: boolean
}

export const listDiscountRules = (project_id?: number) =>
  http.get<Page<DiscountRule>>('/api/v1/discount-rules', { project_id })
export const createDiscountRule = (b: NewDiscountRule) => http.post<DiscountRule>('/api/v1/discount-rules', b)
export const updateDiscountRule = (id: number, b: DiscountRuleChange) =>
  http.patch<DiscountRule>(`/api/v1/discount-rules/${id}`, b)
