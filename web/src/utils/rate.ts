// Discount rates travel as integer basis points (1000 bp = 10 % off = 九折). These convert
// without floating point: the percentage typed in the form ("12.5") becomes 1250 bp exactly,
// and a rate is shown back as a percentage off ("12.5") and as 折 ("8.75").

/** Strips trailing zeros of a fraction: (9, "000") → "9", (8, "750") → "8.75". */
function decimal(whole: number, frac: string): string {
  const f = frac.replace(/0+$/, '')
  return f ? `${whole}.${f}` : String(whole)
}

/** "10" → 1000, "12.5" → 1250, "0.01" → 1, "100" → 10000; null unless 0.01..100 with at most 2 decimals. */
export function parsePercentOff(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(String(text).trim())
  if (!m) return null
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return bp >= 1 && bp <= 10000 ? bp : null
}

/** The percentage off: 1000 → "10", 1250 → "12.5", 1 → "0.01" (also the form's input text). */
export function percentOff(bp: number): string {
  const v = Math.trunc(bp)
  return decimal(Math.trunc(v / 100), String(v % 100).padStart(2, '0'))
}

/** The percentage still paid: 1000 → "90", 1250 → "87.5". */
export const percentPaid = (bp: number) => percentOff(10000 - Math.trunc(bp))

/** 折 (tenths of the price still paid): 1000 → "9", 500 → "9.5", 1250 → "8.75", 1 → "9.999". */
export function zhe(bp: number): string {
  const v = 10000 - Math.trunc(bp)
  return decimal(Math.trunc(v / 1000), String(v % 1000).padStart(3, '0'))
}
