import { onMounted, ref } from 'vue'
import { listWorkOrders, type WorkOrder } from '@/api/workorders'

const SIZE = 20

/** The owner's own orders (the server lists only theirs), newest first, a page at a time. */
export function useMyOrders() {
  const items = ref<WorkOrder[]>([])
  const total = ref(0)
  const page = ref(1)
  const loading = ref(true)
  const failed = ref(false)

  async function load(more = false) {
    loading.value = true
    failed.value = false
    try {
      const next = more ? page.value + 1 : 1
      const r = await listWorkOrders({ page: next, size: SIZE })
      items.value = more ? [...items.value, ...r.items] : r.items
      total.value = r.total
      page.value = next
    } catch {
      failed.value = true // the request layer showed the error
    } finally {
      loading.value = false
    }
  }
  onMounted(() => load())
  return { items, total, loading, failed, load }
}
