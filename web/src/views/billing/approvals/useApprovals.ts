// 审批中心: adjustments and refunds, pending first (the status filter starts at 'pending');
// approve (with an optional note) or reject (with a reason) by a second person. The server
// enforces who may decide; the buttons follow the same permission codes, and the caller's
// own requests say that someone else must decide.
import { computed, onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/corrections'
import { ApiError, errorText } from '@/api/request'
import { usePagedList } from '@/composables/usePagedList'
import { useSessionStore } from '@/stores/session'

export type What = 'adjustments' | 'refunds'
type Row = api.Adjustment | api.Refund

export function useApprovals() {
  const { t } = useI18n()
  const session = useSessionStore()
  const tab = ref<What>(session.can(['billing:adjust:approve', 'billing:adjust:create']) ? 'adjustments' : 'refunds')
  const filters = { status: 'pending', project_id: undefined as number | undefined }
  const lists = {
    adjustments: usePagedList(api.listAdjustments, { ...filters }),
    refunds: usePagedList(api.listRefunds, { ...filters }),
  }
  const list = computed(() => lists[tab.value])
  const approveCode = (w: What) => (w === 'adjustments' ? 'billing:adjust:approve' : 'billing:refund:approve')
  /** Approve and reject show when the caller may decide; a refund still processing may be re-sent. */
  function canDecide(w: What, row: Row) {
    const open = row.status === 'pending' || (w === 'refunds' && row.status === 'processing')
    return open && session.can(approveCode(w), row.project_id)
  }
  const isOwn = (row: Row) => row.requested_by === session.user?.id

  // The decision dialog.
  const deciding = reactive({ row: null as Row | null, what: 'adjustments' as What, approve: true, reason: '', error: '', saving: false })
  function open(w: What, row: Row, approve: boolean) {
    Object.assign(deciding, { row, what: w, approve, reason: '', error: '', saving: false })
  }
  async function confirm() {
    const row = deciding.row
    if (!row) return
    const reason = deciding.reason.trim()
    const n = [...reason].length
    if ((!deciding.approve || n > 0) && (n < 2 || n > 200)) {
      deciding.error = t('corrections.reasonInvalid')
      return
    }
    deciding.saving = true
    deciding.error = ''
    try {
      await api.decide(deciding.what, row.id, deciding.approve, reason, { quiet: true })
      ElMessage.success(deciding.approve ? t('corrections.approved') : t('corrections.rejected'))
      deciding.row = null
      await lists[deciding.what].load()
    } catch (err) {
      deciding.error = errorText(err)
      if (err instanceof ApiError && err.status === 409) await lists[deciding.what].load()
    } finally {
      deciding.saving = false
    }
  }
  function switchTab() {
    return list.value.load()
  }
  onMounted(() => list.value.load())
  return { tab, lists, list, canDecide, isOwn, deciding, open, confirm, switchTab }
}
