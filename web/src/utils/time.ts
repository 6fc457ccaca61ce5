/** "2026-11-23T00:23:59.804Z" → "2026-11-23 08:23:59" in Asia/Shanghai (the projects' default zone). */
export function formatTime(iso: string | null | undefined, timeZone = 'Asia/Shanghai'): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
  }).formatToParts(d)
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}`
}

/** Today as "YYYY-MM-DD" in Asia/Shanghai (the projects' default zone). */
export function today(timeZone = 'Asia/Shanghai'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
}

/** This month as "YYYY-MM" in Asia/Shanghai (a billing period). */
export const thisMonth = (timeZone = 'Asia/Shanghai') => today(timeZone).slice(0, 7)
