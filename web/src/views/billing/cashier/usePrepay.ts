// 预缴 at the cashier desk: for the house on the desk, pick a fee item that can be prepaid (of
// the house's project and kind, active, not metered), a number of months (default 12), get
// the quote (the periods after the house's latest bill of the item, each month's amount, the
// free months of a prepay offer), then take it with a channel. The quote is tied to the item
// and the months: changing either drops it, and only a shown quote can be taken. Taking it
// posts with one Idempotency-Key per attempt, kept across retries of the same body (an
// unknown outcome), like the desk's payments; the answer is the plan that was billed, with
// the payment and its receipt.
import { reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { listFeeItems, type Channel, type FeeItem, type HouseAccount } from '@/api/billing'
import { getHouse } from '@/api/property'
import * as api from '@/api/prepayments'
import { useFormErrors } from '@/composables/useFormErrors'
import { useIdempotentAttempt } from './usePaymentAttempt'

const DEFAULT_MONTHS = 12

export function usePrepay(onDone: () => void) {
  const { t } = useI18n()
  const open = ref(false)
  const house = ref<{ id: number; code: string } | null>(null)
  /** The house's fee items that can be prepaid. */
  const items = ref<FeeItem[]>([])
  const loadingItems = ref(false)
  const form = reactive({ fee_item_id: undefined as number | undefined, months: DEFAULT_MONTHS as number | null | undefined, channel: 'cash' as Channel, note: '' })
  const { errors, apply, set, clear } = useFormErrors()
  const plan = ref<api.PrepaymentPlan | null>(null)
  const quoting = ref(false)
  const paying = ref(false)
  const result = ref<api.PrepaymentResult | null>(null)
  const attempt = useIdempotentAttempt(api.takePrepayment)

  // A quote holds for the item and months it was asked for only.
  watch(() => [form.fee_item_id, form.months], () => {
    if (result.value) return
    plan.value = null
    delete errors.fee_item_id
    delete errors.months
  })

  /** Opens the dialog for the desk's house. Reopened for the same house before a prepayment
   *  went through, it keeps the form and quote (and the attempt, for a retry). */
  async function start(account: HouseAccount) {
    if (house.value?.id !== account.house_id || result.value) {
      attempt.reset()
      result.value = null
      plan.value = null
      Object.assign(form, { fee_item_id: undefined, months: DEFAULT_MONTHS, channel: 'cash', note: '' })
      clear()
      items.value = []
    }
    house.value = { id: account.house_id, code: account.house_code }
    open.value = true
    loadingItems.value = true
    try {
      const h = await getHouse(account.house_id)
      const list = (await listFeeItems(h.project_id)).items
      if (house.value?.id !== account.house_id) return // another house meanwhile
      items.value = list.filter((f) => f.active && f.method !== 'metered' && f.house_kinds.includes(h.kind))
      if (form.fee_item_id && !items.value.some((f) => f.id === form.fee_item_id)) form.fee_item_id = undefined
      if (!form.fee_item_id && items.value.length === 1) form.fee_item_id = items.value[0].id
    } catch {
      items.value = [] // shown
    } finally {
      loadingItems.value = false
    }
  }

  /** The form as a quote query, or null after marking the field. */
  function query(): api.PrepaymentQuery | null {
    if (!house.value) return null
    if (!form.fee_item_id) {
      set('fee_item_id', t('prepay.chooseFeeItem'))
      return null
    }
    const m = form.months
    if (typeof m !== 'number' || !Number.isInteger(m) || m < 1 || m > 36) {
      set('months', t('prepay.invalidMonths'))
      return null
    }
    return { house_id: house.value.id, fee_item_id: form.fee_item_id, months: m }
  }

  async function quote() {
    clear()
    const q = query()
    if (!q) return
    quoting.value = true
    try {
      const p = await api.quotePrepayment(q)
      // Still the item and months on the form (they may have changed while waiting).
      if (form.fee_item_id === q.fee_item_id && form.months === q.months) plan.value = p
    } catch (e) {
      plan.value = null
      apply(e)
    } finally {
      quoting.value = false
    }
  }

  /** 确认收款: takes the quoted prepayment; the billed plan replaces the quote. */
  async function confirm() {
    if (!plan.value || result.value) return
    clear()
    const q = query()
    if (!q) return
    const body: api.NewPrepayment = { ...q, channel: form.channel }
    if (form.note.trim()) body.note = form.note.trim()
    paying.value = true
    try {
      const r = await attempt.pay(body)
      result.value = r
      plan.value = r
      ElMessage.success(t('prepay.done'))
      onDone()
    } catch (e) {
      apply(e)
    } finally {
      paying.value = false
    }
  }

  /** A new house on the desk: nothing of the last one's prepayment carries over. */
  function forget() {
    open.value = false
    house.value = null
    result.value = null
    plan.value = null
    attempt.reset()
  }

  const itemName = (id: number) => items.value.find((f) => f.id === id)?.name ?? `#${id}`
  return { open, house, items, loadingItems, form, errors, plan, quoting, paying, result, unsure: attempt.unsure, start, quote, confirm, forget, itemName }
}
