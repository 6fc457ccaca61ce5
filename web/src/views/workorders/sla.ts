// The SLA badge's text: which timer runs (accept until accepted, then finish) and the wall-clock
// time to its due moment. Due moments are absolute (the server applied the calendar), so the
// time left is plain subtraction from now.
import type { Sla, WorkOrder } from '@/api/workorders'

export const SLA_TAG: Record<Sla['state'], 'success' | 'warning' | 'danger' | 'info' | 'primary'> = {
  ok: 'primary', warn: 'warning', overdue: 'danger', paused: 'info', met: 'success', missed: 'danger',
}

/** The due moment of the running timer, or null when none runs (paused, done). */
export function runningDue(o: Pick<WorkOrder, 'sla' | 'accepted_at'>): string | null {
  if (!['ok', 'warn', 'overdue'].includes(o.sla.state)) return null
  return o.accepted_at ? o.sla.finish_due_at : o.sla.accept_due_at
}

/** Milliseconds → [days, hours, minutes] (rounded down to the minute). */
export function splitDuration(ms: number): [number, number, number] {
  const minutes = Math.floor(Math.abs(ms) / 60000)
  return [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60]
}
