// A server-paged list: {items, total, page, size} with filters; reloads on paging.
import { reactive, ref, type Ref } from 'vue'
import type { Page } from '@/api/request'

export function usePagedList<T, Q extends object>(
  fetch: (q: Q & { page: number; size: number }) => Promise<Page<T>>,
  filters: Q,
  size = 20,
) {
  const items = ref([]) as Ref<T[]>
  const total = ref(0)
  const paging = reactive({ page: 1, size })
  const loading = ref(false)
  const query = reactive({ ...filters }) as Q

  async function load() {
    loading.value = true
    try {
      const r = await fetch({ ...(query as Q), page: paging.page, size: paging.size })
      items.value = r.items
      total.value = r.total
    } catch {
      /* the request layer showed the error */
    } finally {
      loading.value = false
    }
  }
  /** Back to page 1 (after a filter changed). */
  function search() {
    paging.page = 1
    return load()
  }
  function resetFilters() {
    Object.assign(query as object, filters)
    return search()
  }
  return { items, total, paging, loading, query, load, search, resetFilters }
}
