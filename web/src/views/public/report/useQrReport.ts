// The public QR report form (no login): the point's place, then phone (required, a mainland
// mobile number), name, description and urgency; the answer is the order number only.
import { onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { showFailToast } from 'vant'
import { ApiError, errorText } from '@/api/request'
import { getReportPoint, publicReport, type PublicReportPoint, type WoUrgency } from '@/api/workorders'
import { useFormErrors } from '@/composables/useFormErrors'

export const PHONE_RE = /^1[3-9]\d{9}$/
export const MIN_DESCRIPTION = 2

export function useQrReport(token: string) {
  const { t } = useI18n()
  const point = ref<PublicReportPoint | null>(null)
  const loading = ref(true)
  const failure = ref('')
  const form = reactive({ phone: '', name: '', description: '', urgency: 'normal' as WoUrgency })
  const { errors, apply, set, clear } = useFormErrors()
  const saving = ref(false)
  const number = ref('')

  onMounted(async () => {
    try {
      point.value = await getReportPoint(token, { quiet: true })
    } catch (e) {
      failure.value = e instanceof ApiError && e.status === 404 ? t('woMobile.pointNotFound') : errorText(e)
    } finally {
      loading.value = false
    }
  })

  async function submit() {
    clear()
    const phone = form.phone.replace(/\s+/g, '')
    if (!PHONE_RE.test(phone)) set('phone', t('woMobile.phoneInvalid'))
    if (form.description.trim().length < MIN_DESCRIPTION) set('description', t('woMobile.descriptionShort'))
    if (Object.keys(errors).length) return
    saving.value = true
    try {
      const r = await publicReport(token, {
        phone, description: form.description.trim(), urgency: form.urgency,
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
      }, { quiet: true })
      number.value = r.number
    } catch (e) {
      apply(e)
      showFailToast(errorText(e))
    } finally {
      saving.value = false
    }
  }
  function again() {
    Object.assign(form, { description: '', urgency: 'normal' })
    number.value = ''
  }
  return { point, loading, failure, form, errors, saving, number, submit, again }
}
