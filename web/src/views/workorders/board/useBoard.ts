// 工单看板: the filtered, paged order list (the filters follow the URL query so the home
// cards and links can open the board filtered), the assignee options of the chosen project,
// and the order the drawer shows (?open=<id>).
import { computed, onMounted, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import * as api from '@/api/workorders'
import { usePagedList } from '@/composables/usePagedList'

/** The status filter: the open orders, all, or one status. */
export type StatusChoice = 'open' | 'all' | api.WoStatus

export interface BoardFilters {
  project_id: number | undefined
  status: StatusChoice
  kind: string
  category_id: number | undefined
  assignee_id: number | undefined
  overdue: boolean
  today: boolean
  q: string
}

const num = (v: unknown) => (v !== undefined && v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined)

export function useBoard() {
  const route = useRoute()
  const router = useRouter()
  const blank: BoardFilters = {
    project_id: undefined, status: 'open', kind: '', category_id: undefined, assignee_id: undefined, overdue: false, today: false, q: '',
  }
  const list = usePagedList(
    (f: BoardFilters & { page: number; size: number }) => api.listWorkOrders({
      project_id: f.project_id,
      status: f.status === 'open' ? api.WO_OPEN_STATUSES.join(',') : f.status === 'all' ? undefined : f.status,
      kind: f.kind || undefined, category_id: f.category_id, assignee_id: f.assignee_id,
      overdue: f.overdue, today: f.today, q: f.q.trim() || undefined, page: f.page, size: f.size,
    }),
    blank,
  )

  function fromRoute() {
    const q = route.query
    Object.assign(list.query, {
      ...blank,
      project_id: num(q.project_id),
      status: (typeof q.status === 'string' && q.status ? q.status : 'open') as StatusChoice,
      kind: typeof q.kind === 'string' ? q.kind : '',
      category_id: num(q.category_id),
      assignee_id: num(q.assignee_id),
      overdue: q.overdue === '1',
      today: q.today === '1',
      q: typeof q.q === 'string' ? q.q : '',
    })
    lastQ = list.query.q.trim()
  }
  // A search text is looked up in every status: with the default "open" filter an exact
  // number of a closed order found nothing. When a NEW text is searched while the filter is
  // "open", the filter switches to "all" where the user sees it (and `widened` shows a note);
  // choosing a status again with the same text keeps that choice; clearing the text goes back.
  const widened = ref(false)
  let lastQ = ''
  /** Applies the filters: into the URL (so back/forward and links work) and reloads page 1. */
  function search() {
    const f = list.query
    const text = f.q.trim()
    if (text && text !== lastQ && f.status === 'open') {
      f.status = 'all'
      widened.value = true
    } else if (!text && widened.value && f.status === 'all') {
      f.status = 'open' // the search is cleared: back to the default it widened
      widened.value = false
    } else if (f.status !== 'all') {
      widened.value = false
    }
    lastQ = text
    void router.replace({
      query: {
        ...(f.project_id ? { project_id: String(f.project_id) } : {}),
        ...(f.status !== 'open' ? { status: f.status } : {}),
        ...(f.kind ? { kind: f.kind } : {}),
        ...(f.category_id ? { category_id: String(f.category_id) } : {}),
        ...(f.assignee_id ? { assignee_id: String(f.assignee_id) } : {}),
        ...(f.overdue ? { overdue: '1' } : {}),
        ...(f.today ? { today: '1' } : {}),
        ...(f.q.trim() ? { q: f.q.trim() } : {}),
        ...(openId.value ? { open: String(openId.value) } : {}),
      },
    })
    return list.search()
  }
  function reset() {
    Object.assign(list.query, blank)
    return search()
  }

  // Assignee options: the chosen project's work-order staff.
  const staff = ref<api.WoStaff[]>([])
  watch(() => list.query.project_id, async (p) => {
    staff.value = []
    if (!p) {
      list.query.assignee_id = undefined
      return
    }
    try {
      staff.value = (await api.listWoStaff(p)).items
    } catch {
      /* shown */
    }
  }, { immediate: true })

  // The drawer's order.
  const openId = ref<number | null>(num(route.query.open) ?? null)
  watch(openId, (id) => {
    const { open: _open, ...rest } = route.query
    void router.replace({ query: id ? { ...rest, open: String(id) } : rest })
  })

  // Kanban: the page's orders grouped by status, in the state machine's order.
  const columns = computed(() => {
    // All statuses: the open columns always, the finished ones when the page has such orders.
    const shown = list.query.status === 'open' ? api.WO_OPEN_STATUSES
      : list.query.status === 'all'
        ? api.WO_STATUSES.filter((s) => api.WO_OPEN_STATUSES.includes(s) || list.items.value.some((o) => o.status === s))
        : [list.query.status]
    return shown.map((s) => ({ status: s, items: list.items.value.filter((o) => o.status === s) }))
  })

  onMounted(() => {
    fromRoute()
    void list.load()
  })
  return { list, search, reset, staff, openId, columns, widened }
}
