// 催收跟进 (staff): the open assignments of the signed-in collector, most overdue first.
import { computed, onMounted, ref } from 'vue'
import * as api from '@/api/reminders'

export function useMyCollection() {
  const items = ref<api.Assignment[]>([])
  const loading = ref(true)
  const failed = ref(false)
  async function load() {
    loading.value = true
    failed.value = false
    try {
      items.value = (await api.listAssignments({ mine: true, status: 'open', size: 100 })).items
    } catch {
      failed.value = true
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  const sorted = computed(() => [...items.value].sort((a, b) => b.overdue - a.overdue))
  return { items: sorted, loading, failed, load }
}
