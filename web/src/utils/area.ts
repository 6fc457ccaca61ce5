// Areas travel as integers in 0.01 m². These convert without floating point, so
// "123.45" ↔ 12345 exactly.

/** 12345 → "123.45" */
export function formatArea(v: number | null | undefined): string {
  if (v === null || v === undefined) return ''
  const n = Math.trunc(v)
  const sign = n < 0 ? '-' : ''
  const a = Math.abs(n)
  return `${sign}${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`
}

/** "123.45" → 12345, "123" → 12300, "0.5" → 50; null when it is not a non-negative decimal with ≤ 2 places. */
export function parseArea(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null
  const s = String(text).trim()
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s)
  if (!m) return null
  const frac = (m[2] ?? '').padEnd(2, '0')
  return Number(m[1]) * 100 + Number(frac)
}
