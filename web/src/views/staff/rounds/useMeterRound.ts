// 抄表 round on the phone: a building's meters in walking order for one period; the reader
// enters each dial, sees the previous reading, and moves on to the next unread meter by
// itself. A reading below the previous one is refused (the meter stays current, with the
// reason); one far above the meter's usual use is accepted but held for review (审核), and
// the reader is told so. Readings travel in 1/100 unit, parsed from text without floats.
import { computed, onMounted, ref, watch } from 'vue'
import { ApiError, errorText } from '@/api/request'
import * as api from '@/api/meters'
import type { MeterReading } from '@/api/billing'
import type { Building } from '@/api/property'
import { useProjectsStore } from '@/stores/projects'
import { useSessionStore } from '@/stores/session'
import { parseArea as parseCenti } from '@/utils/area'
import { thisMonth } from '@/utils/time'

const SIZE = 100
const MAX_PAGES = 20

/** "2026-12" plus n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) + n
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

export interface RoundResult { meter: string; reading: MeterReading }

export function useMeterRound() {
  const session = useSessionStore()
  const store = useProjectsStore()
  const projects = computed(() => store.items.filter((p) => session.can('billing:meter:read', p.id)))
  const projectId = ref<number | null>(null)
  const buildings = ref<Building[]>([])
  const buildingId = ref<number | null>(null)
  const meters = ref<api.Meter[]>([])
  const period = ref(thisMonth())
  const currentId = ref<number | null>(null)
  const input = ref('')
  const inputError = ref('')
  const last = ref<RoundResult | null>(null)
  const loading = ref(false)
  const saving = ref(false)

  /** Read for the period: a non-rejected reading of this period or a later one exists. */
  const isRead = (m: api.Meter) => !!m.last_period && m.last_period >= period.value
  const pending = computed(() => meters.value.filter((m) => !isRead(m)))
  const current = computed(() => meters.value.find((m) => m.id === currentId.value && !isRead(m)) ?? pending.value[0] ?? null)
  const previous = computed(() => (current.value ? current.value.last_reading ?? current.value.initial_reading : null))

  async function loadProjects() {
    await store.load().catch(() => [])
    projectId.value = projects.value[0]?.id ?? null
  }
  watch(projectId, async (id) => {
    buildings.value = []
    buildingId.value = null
    meters.value = []
    if (!id) return
    const r = await api.listBuildings(id).catch(() => null)
    buildings.value = r?.items ?? []
  })
  watch(buildingId, () => loadMeters(true))

  async function loadMeters(choosePeriod: boolean) {
    meters.value = []
    last.value = null
    if (!projectId.value || !buildingId.value) return
    loading.value = true
    try {
      const out: api.Meter[] = []
      for (let page = 1; page <= MAX_PAGES; page++) {
        const r = await api.listMeters({ project_id: projectId.value, building_id: buildingId.value, page, size: SIZE })
        out.push(...r.items.filter((m) => m.active))
        if (page * SIZE >= r.total) break
      }
      meters.value = out
      // This month, or — when the round is done for it — the month after the latest reading.
      if (choosePeriod) {
        const latest = out.map((m) => m.last_period ?? '').sort().pop() ?? ''
        period.value = out.length && out.every(isReadThisMonth) ? addMonths(latest, 1) : thisMonth()
      }
    } catch {
      /* the request layer showed the error */
    } finally {
      loading.value = false
    }
  }
  const isReadThisMonth = (m: api.Meter) => !!m.last_period && m.last_period >= thisMonth()

  function move(n: number) {
    period.value = addMonths(period.value, n)
    last.value = null
  }
  function jump(m: api.Meter) {
    currentId.value = m.id
    input.value = ''
    inputError.value = ''
  }
  /** The next unread meter after the current one in walking order (wrapping round). */
  function skip() {
    const list = pending.value
    const at = list.findIndex((m) => m.id === current.value?.id)
    if (list.length > 1) jump(list[(at + 1) % list.length])
  }

  async function submit() {
    const m = current.value
    if (!m) return
    const reading = parseCenti(input.value)
    if (reading === null) {
      inputError.value = 'invalid'
      return
    }
    saving.value = true
    inputError.value = ''
    try {
      const r = await api.recordReading({ meter_id: m.id, period: period.value, reading }, { quiet: true })
      m.last_period = r.period
      m.last_reading = r.reading
      last.value = { meter: m.code, reading: r }
      input.value = ''
      const at = meters.value.indexOf(m)
      const next = meters.value.slice(at + 1).find((x) => !isRead(x)) ?? pending.value[0]
      currentId.value = next?.id ?? null
    } catch (e) {
      inputError.value = e instanceof ApiError && e.code === 'READING_BELOW_PREVIOUS' ? 'below' : errorText(e)
    } finally {
      saving.value = false
    }
  }

  onMounted(loadProjects)
  return {
    projects, projectId, buildings, buildingId, meters, period, pending, current, previous, input, inputError,
    last, loading, saving, isRead, move, jump, skip, submit, reload: () => loadMeters(false),
  }
}
