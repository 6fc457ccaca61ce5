// Money travels as integers: amounts in 分 (fen), unit prices in 1/100 分. These convert
// without floating point, so 12345 ↔ "123.45" and 23500 ↔ "2.35" exactly.

function split(v: number, scale: number): [string, number, number] {
  const n = Math.trunc(v)
  const a = Math.abs(n)
  return [n < 0 ? '-' : '', Math.trunc(a / scale), a % scale]
}

/** 12345 → "123.45", -5 → "-0.05" */
export function formatFen(v: number | null | undefined): string {
  if (v === null || v === undefined) return ''
  const [sign, whole, frac] = split(v, 100)
  return `${sign}${whole}.${String(frac).padStart(2, '0')}`
}

/** 12345 → "¥123.45", 123456789 → "¥1,234,567.89" (for display; inputs take formatFen) */
export function formatYuan(v: number | null | undefined): string {
  if (v === null || v === undefined) return ''
  const [sign, whole, frac] = split(v, 100)
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${sign}¥${grouped}.${String(frac).padStart(2, '0')}`
}

/** A unit price in 1/100 分 as 元 with 2 to 4 decimals: 23500 → "2.35", 23456 → "2.3456", 1200000 → "120.00". */
export function formatUnitPrice(v: number | null | undefined): string {
  if (v === null || v === undefined) return ''
  const [sign, whole, frac] = split(v, 10000)
  let f = String(frac).padStart(4, '0')
  while (f.length > 2 && f.endsWith('0')) f = f.slice(0, -1)
  return `${sign}${whole}.${f}`
}

function parseDecimal(text: string | number | null | undefined, places: number, maxWhole: number): number | null {
  if (text === null || text === undefined) return null
  const m = new RegExp(`^(\\d{1,${maxWhole}})(?:\\.(\\d{1,${places}}))?$`).exec(String(text).trim())
  if (!m) return null
  return Number(m[1]) * 10 ** places + Number((m[2] ?? '').padEnd(places, '0'))
}

/** "123.45" → 12345 分; null unless a non-negative amount with at most 2 decimals. */
export const parseYuan = (text: string | number | null | undefined) => parseDecimal(text, 2, 10)

/** "2.35" → 23500 (1/100 分); null unless a non-negative price with at most 4 decimals. */
export const parseUnitPrice = (text: string | number | null | undefined) => parseDecimal(text, 4, 6)

/** Sum of integer amounts (分). */
export const sumFen = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

