// 催收任务: every assignment in scope; one's follow-up log in a drawer, adding to it and
// reassigning (billing:remind:write).
import { onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/reminders'
import { listStaff, type Staff } from '@/api/org'
import { usePagedList } from '@/composables/usePagedList'
import { parseYuan } from '@/utils/money'

export function useAssignments() {
  const { t } = useI18n()
  const list = usePagedList(api.listAssignments, { project_id: undefined as number | undefined, status: 'open' })
  onMounted(list.load)

  const current = ref<api.Assignment | null>(null)
  const log = ref<api.FollowUp[]>([])
  const staff = ref<Staff[]>([])
  const assignee = ref<number | undefined>()
  async function open(a: api.Assignment) {
    current.value = a
    assignee.value = a.assignee_id
    log.value = (await api.listFollowUps(a.id).catch(() => ({ items: [] }))).items
    staff.value = (await listStaff({ project_id: a.project_id, page: 1, size: 100 }).catch(() => ({ items: [] as Staff[] }))).items
  }

  const form = reactive({ method: 'call' as api.FollowUpInput['method'], outcome: '', promised_date: '', promised_amount: '' })
  const formError = ref('')
  const saving = ref(false)
  async function addFollowUp() {
    const a = current.value
    if (!a) return
    formError.value = ''
    if (!form.outcome.trim()) return void (formError.value = t('remind.outcomeRequired'))
    const amount = form.promised_amount ? parseYuan(form.promised_amount) : undefined
    if (amount === null || amount === 0) return void (formError.value = t('remind.amountInvalid'))
    saving.value = true
    try {
      await api.addFollowUp(a.id, {
        method: form.method, outcome: form.outcome.trim(),
        promised_date: form.promised_date || undefined, promised_amount: amount,
      })
      Object.assign(form, { method: 'call', outcome: '', promised_date: '', promised_amount: '' })
      log.value = (await api.listFollowUps(a.id)).items
      await list.load()
    } catch {
      /* shown */
    } finally {
      saving.value = false
    }
  }
  async function reassign() {
    const a = current.value
    if (!a || !assignee.value || assignee.value === a.assignee_id) return
    try {
      current.value = await api.reassign(a.id, assignee.value)
      ElMessage.success(t('remind.saved'))
      await list.load()
    } catch {
      /* shown */
    }
  }
  return { list, current, log, staff, assignee, open, form, formError, saving, addFollowUp, reassign }
}
