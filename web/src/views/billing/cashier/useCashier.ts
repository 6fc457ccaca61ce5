// 收银台: pick a house, see its account (owed, prepaid, open bills oldest first), take a
// payment for the picked bills (or the oldest first), show where the money went and refresh.
import { computed, onMounted, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import * as api from '@/api/billing'
import { listHouseResidents, type HouseResident } from '@/api/property'
import { ApiError } from '@/api/request'
import { usePagedList } from '@/composables/usePagedList'
import { useFormErrors } from '@/composables/useFormErrors'
import { useProjectsStore } from '@/stores/projects'
import { formatFen, formatYuan, parseYuan, sumFen } from '@/utils/money'
import { usePaymentAttempt } from './usePaymentAttempt'

export interface Settlement { bill: api.Bill | undefined; bill_id: number; amount: number; settled: boolean }

export function useCashier() {
  const { t } = useI18n()
  const projects = useProjectsStore()
  const projectId = ref<number | undefined>()
  const houseId = ref<number | undefined>()
  const account = ref<api.HouseAccount | null>(null)
  /** Whose house it is: the people linked today, owners first (phones masked). */
  const people = ref<HouseResident[]>([])
  const picked = ref<api.Bill[]>([])
  const form = reactive({ amount: '', channel: 'cash' as api.Channel, note: '' })
  const { errors, apply, set, clear } = useFormErrors()
  const paying = ref(false)
  const result = ref<api.PaymentResult | null>(null)
  const settlements = ref<Settlement[]>([])
  const attempt = usePaymentAttempt()
  const payments = usePagedList(api.listPayments, { house_id: undefined as number | undefined }, 10)

  /** The amount a payment takes unless the cashier types another: the picked bills, or all owed. */
  const suggested = computed(() => picked.value.length ? sumFen(picked.value.map((b) => b.owed)) : account.value?.owed ?? 0)
  watch(suggested, (v) => (form.amount = v > 0 ? formatFen(v) : ''))

  onMounted(async () => {
    try {
      const list = await projects.load()
      if (!projectId.value && list.length) projectId.value = list[0].id
    } catch {
      /* shown */
    }
  })
  watch(projectId, () => (houseId.value = undefined))
  watch(houseId, async (id) => {
    result.value = null
    attempt.reset()
    clear()
    form.note = ''
    account.value = null
    people.value = []
    picked.value = []
    payments.items.value = []
    payments.total.value = 0
    if (!id) return
    payments.query.house_id = id
    await Promise.all([loadAccount(), payments.search(), loadPeople(id)])
  })

  async function loadPeople(id: number) {
    try {
      const rank = (r: HouseResident) => ['owner', 'family', 'tenant'].indexOf(r.relation)
      const today = new Date().toISOString().slice(0, 10)
      const list = (await listHouseResidents(id)).items.filter((r) => !r.end_date || r.end_date >= today)
      if (houseId.value === id) people.value = list.sort((a, b) => rank(a) - rank(b))
    } catch {
      /* the account still shows; who lives there is only a help */
    }
  }

  async function loadAccount() {
    if (!houseId.value) return
    try {
      account.value = await api.getHouseAccount(houseId.value)
    } catch {
      account.value = null // shown
    }
    picked.value = []
    form.amount = suggested.value > 0 ? formatFen(suggested.value) : ''
  }

  /** The bills ticked in the table, kept in the account's order (oldest first). */
  function pick(rows: api.Bill[]) {
    const ids = new Set(rows.map((b) => b.id))
    picked.value = (account.value?.open_bills ?? []).filter((b) => ids.has(b.id))
  }

  async function submit() {
    const acc = account.value
    if (!acc) return
    clear()
    const amount = parseYuan(form.amount)
    if (!amount) return set('amount', t('billing.invalidAmount'))
    const body: api.NewPayment = { house_id: acc.house_id, amount, channel: form.channel }
    if (picked.value.length) body.bill_ids = picked.value.map((b) => b.id)
    if (form.note.trim()) body.note = form.note.trim()
    const question = t('billing.confirmPayment', { house: acc.house_code, amount: formatYuan(amount), channel: t(`billing.channels.${form.channel}`) })
    try {
      await ElMessageBox.confirm(question, t('common.confirmTitle'), { type: 'warning' })
    } catch {
      return
    }
    const before = new Map(acc.open_bills.map((b) => [b.id, b]))
    paying.value = true
    try {
      const r = await attempt.pay(body)
      result.value = r
      settlements.value = r.allocations.map((a) => {
        const bill = before.get(a.bill_id)
        return { bill, bill_id: a.bill_id, amount: a.amount, settled: !!bill && a.amount >= bill.owed }
      })
      form.note = ''
      ElMessage.success(t('billing.paymentDone'))
      await Promise.all([loadAccount(), payments.search()])
    } catch (e) {
      apply(e)
      // A bill was settled meanwhile (another desk): show the account as it is now.
      if (e instanceof ApiError && e.code === 'BILL_NOT_PAYABLE') await loadAccount()
    } finally {
      paying.value = false
    }
  }
  return { projectId, houseId, account, people, picked, pick, form, errors, paying, result, settlements, unsure: attempt.unsure, payments, submit, loadAccount }
}
