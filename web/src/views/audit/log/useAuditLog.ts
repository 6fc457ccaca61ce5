import { onMounted, ref } from 'vue'
import { listAudit, verifyAudit, type VerifyReport } from '@/api/audit'
import { usePagedList } from '@/composables/usePagedList'

export function useAuditLog() {
  const list = usePagedList(listAudit, {
    entity: '', action: '', actor: '', project_id: undefined as number | undefined,
  })
  const report = ref<VerifyReport | null>(null)
  const verifying = ref(false)

  async function verify() {
    verifying.value = true
    try {
      report.value = await verifyAudit()
    } catch {
      report.value = null
    } finally {
      verifying.value = false
    }
  }
  onMounted(list.load)
  return { list, report, verifying, verify }
}
