// The form every correction asks for: an amount in 元 (at most `max` 分) and a reason of
// 2–200 characters; checked here first, then the server's field errors land on the same
// fields. `threshold` is the company's approval threshold, to say when a second person will
// have to approve.
import { onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError, errorText } from '@/api/request'
import { getBillingSettings } from '@/api/corrections'
import { formatYuan, parseYuan } from '@/utils/money'

export function useCorrectionForm() {
  const { t, te } = useI18n()
  const form = reactive({ amount: '', reason: '' })
  const errors = reactive({ amount: '', reason: '', other: '' })
  const threshold = ref<number | null>(null)
  onMounted(async () => {
    try {
      threshold.value = (await getBillingSettings()).approval_threshold
    } catch {
      /* the hint is left out */
    }
  })

  function reset(amount = '') {
    form.amount = amount
    form.reason = ''
    Object.assign(errors, { amount: '', reason: '', other: '' })
  }
  /** The amount in 分, or null with the field errors set. */
  function check(max: number): number | null {
    Object.assign(errors, { amount: '', reason: '', other: '' })
    const fen = parseYuan(form.amount)
    if (fen === null || fen <= 0) errors.amount = t('corrections.amountInvalid')
    else if (fen > max) errors.amount = t('corrections.amountTooLarge', { max: formatYuan(max) })
    const n = [...form.reason.trim()].length
    if (n < 2 || n > 200) errors.reason = t('corrections.reasonInvalid')
    return errors.amount || errors.reason ? null : fen
  }
  /** Puts a failed request's message on its field, or above the form. */
  function fail(err: unknown) {
    const fields = err instanceof ApiError ? err.fields : []
    const on = (name: 'amount' | 'reason') => fields.find((f) => f.field === name)
    for (const name of ['amount', 'reason'] as const) {
      const f = on(name)
      if (f) errors[name] = te(`fieldError.${f.code}`) ? t(`fieldError.${f.code}`) : f.message
    }
    if (!on('amount') && !on('reason')) errors.other = errorText(err)
  }
  return { form, errors, threshold, reset, check, fail }
}
