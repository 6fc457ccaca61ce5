// One assignment of mine: its follow-up log and the form that adds to it.
import { onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { showSuccessToast } from 'vant'
import * as api from '@/api/reminders'
import { parseYuan } from '@/utils/money'

export function useCollectionDetail(id: number) {
  const { t } = useI18n()
  const assignment = ref<api.Assignment | null>(null)
  const log = ref<api.FollowUp[]>([])
  const loading = ref(true)
  const failed = ref(false)
  async function load() {
    loading.value = true
    failed.value = false
    try {
      const [mine, f] = await Promise.all([
        api.listAssignments({ mine: true, size: 100 }), api.listFollowUps(id),
      ])
      assignment.value = mine.items.find((a) => a.id === id) ?? null
      log.value = f.items
    } catch {
      failed.value = true
    } finally {
      loading.value = false
    }
  }
  onMounted(load)

  const form = reactive({ method: 'call' as api.FollowUpInput['method'], outcome: '', promised_date: '', promised_amount: '' })
  const errors = reactive({ outcome: '', promised_amount: '' })
  const saving = ref(false)
  async function submit() {
    errors.outcome = form.outcome.trim() ? '' : t('remind.outcomeRequired')
    const amount = form.promised_amount.trim() ? parseYuan(form.promised_amount) : undefined
    errors.promised_amount = amount === null || amount === 0 ? t('remind.amountInvalid') : ''
    if (errors.outcome || errors.promised_amount) return
    saving.value = true
    try {
      await api.addFollowUp(id, {
        method: form.method, outcome: form.outcome.trim(),
        promised_date: form.promised_date || undefined, promised_amount: amount ?? undefined,
      })
      Object.assign(form, { method: 'call', outcome: '', promised_date: '', promised_amount: '' })
      showSuccessToast(t('remind.saved'))
      await load()
    } catch {
      /* the request layer showed the error */
    } finally {
      saving.value = false
    }
  }
  return { assignment, log, loading, failed, load, form, errors, saving, submit }
}
