// 阶梯价 of a metered fee item, between the form and the wire. On the wire a tier is
// [up_to, price]: up_to in 0.01 units (22 m³ = 2200; null on the last tier = no limit) and
// price in 1/100 分 per unit (4.60 元 = 46000). The form holds the typed strings; they are
// parsed as decimal text (parseArea / parseUnitPrice), never through floating point.
import { formatArea, parseArea } from '@/utils/area'
import { formatUnitPrice, parseUnitPrice } from '@/utils/money'

export type Tier = [number | null, number]
/** One row of the editor; the last row's up_to is ignored (no limit). */
export interface TierRow { up_to: string; price: string }

export const MAX_TIERS = 10 // the server's maxItems

/** The unit word key (feeCycle.units.*) of a fee kind: water/gas m³, electricity 度. */
export function unitKey(kind: string): 'water' | 'gas' | 'electricity' | 'other' {
  return kind === 'water' || kind === 'gas' || kind === 'electricity' ? kind : 'other'
}

/** 2200 → "22", 2250 → "22.5", 5 → "0.05" (a limit without trailing zeros). */
export function formatLimit(centi: number): string {
  return formatArea(centi).replace(/\.?0+$/, '')
}

/** The editor rows of stored tiers, or one unlimited row at `unitPrice` when there are none. */
export function rowsOf(tiers: Tier[] | null | undefined, unitPrice?: number): TierRow[] {
  if (!tiers || tiers.length === 0) return [{ up_to: '', price: unitPrice === undefined ? '' : formatUnitPrice(unitPrice) }]
  return tiers.map(([upTo, price]) => ({ up_to: upTo === null ? '' : formatLimit(upTo), price: formatUnitPrice(price) }))
}

/**
 * Parses the rows: `{ tiers }` (the last up_to null), or `{ bad: row (1-based), what }` for the
 * first limit or price that is not a valid decimal. Whether the limits rise is the server's call.
 */
export function parseRows(rows: TierRow[]): { tiers: Tier[] } | { bad: number; what: 'limit' | 'price' } {
  const tiers: Tier[] = []
  for (const [i, r] of rows.entries()) {
    const last = i === rows.length - 1
    const upTo = last ? null : parseArea(r.up_to)
    if (!last && (upTo === null || upTo <= 0)) return { bad: i + 1, what: 'limit' }
    const price = parseUnitPrice(r.price)
    if (price === null) return { bad: i + 1, what: 'price' }
    tiers.push([upTo, price])
  }
  return { tiers }
}

/** "≤22 m³ ¥4.60 · >22 m³ ¥5.90" (the unit word given). */
export function tiersText(tiers: Tier[], unit: string): string {
  return tiers.map(([upTo, price], i) => {
    const limit = upTo !== null ? `≤${formatLimit(upTo)}` : i > 0 && tiers[i - 1][0] !== null ? `>${formatLimit(tiers[i - 1][0] as number)}` : ''
    return `${limit ? `${limit} ${unit} ` : ''}¥${formatUnitPrice(price)}`
  }).join(' · ')
}
