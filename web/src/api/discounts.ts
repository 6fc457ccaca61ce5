// 优惠规则 (discount rules) of two kinds. percent: rate_bp basis points off every NEW bill of
// one fee item for the periods period_from..period_to (open-ended when period_to is null); the
// best active rule applies. prepay (预缴优惠, "预缴12个月送1个月"): prepaying months_paid
// months of the item at the cashier makes the last months_free of them free, for prepayments
// starting in the rule's periods. Rates stay integers (basis points); utils/rate.ts converts
// them for display/input. The kind is fixed once created.
import { http, type Page } from './request'

export const DISCOUNT_KINDS = ['percent', 'prepay'] as const
export type DiscountKind = (typeof DISCOUNT_KINDS)[number]

export interface DiscountRule {
  id: number
  project_id: number
  fee_item_id: number
  name: string
  kind: DiscountKind
  /** percent: basis points off, 1..10000 (1000 = 10 % off = 九折); 0 for prepay. */
  rate_bp: number
  /** prepay: months prepaid at once (2..36); 0 for percent. */
  months_paid: number
  /** prepay: of which free, the last ones (1..months_paid − 1); 0 for percent. */
  months_free: number
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
  /** Default percent. */
  kind?: DiscountKind
  /** percent only. */
  rate_bp?: number
  /** prepay only. */
  months_paid?: number
  /** prepay only. */
  months_free?: number
  period_from: string
  period_to?: string
  active?: boolean
}
export interface DiscountRuleChange {
  name?: string
  /** percent rules only. */
  rate_bp?: number
  /** prepay rules only. */
  months_paid?: number
  /** prepay rules only. */
  months_free?: number
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
