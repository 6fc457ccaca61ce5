// 优惠规则 (discount rules) of two kinds. percent: rate_bp basis points off every NEW bill of
// one fee item for the periods period_from..period_to (open-ended when period_to is null); the
// best active rule applies. prepay (预缴优惠, "预缴12个月送1个月"): prepaying months_paid
// months of the item at the cashier makes the last months_free of them free, for prepayments
// starting in the rule's periods. Rates stay integers (basis points); utils/rate.ts converts
// them for display/input. The kind is fixed once created.
import { http, type Page } from './request'
import type { BodyOf, Schema } from './schema'

export const DISCOUNT_KINDS = ['percent', 'prepay'] as const satisfies readonly DiscountRule['kind'][]
export type DiscountKind = (typeof DISCOUNT_KINDS)[number]

/**
 * A rule: rate_bp (percent: 1..10000 basis points off, 1000 = 九折; 0 for prepay), months_paid
 * and months_free (prepay: 2..36 prepaid, the last 1..months_paid − 1 free; 0 for percent),
 * periods "YYYY-MM" (period_to null: open-ended).
 */
export type DiscountRule = Schema<'DiscountRule'>
export type NewDiscountRule = Schema<'DiscountRuleCreate'>
/** PATCH: only the fields sent change; period_to null makes the rule open-ended. */
export type DiscountRuleChange = BodyOf<'updateDiscountRule'>

export const listDiscountRules = (project_id?: number) =>
  http.get<Page<DiscountRule>>('/api/v1/discount-rules', { project_id })
export const createDiscountRule = (b: NewDiscountRule) => http.post<DiscountRule>('/api/v1/discount-rules', b)
export const updateDiscountRule = (id: number, b: DiscountRuleChange) =>
  http.patch<DiscountRule>(`/api/v1/discount-rules/${id}`, b)
