// 优惠规则: the discount rules of a project (or of every project the caller sees), the fee
// items they name, the on/off switch (PATCH active) and a dialog that creates a rule or
// changes one (name, terms, periods, active — project, fee item and kind stay as created).
// A percent rule's rate is typed as a percentage ("12.5") and sent as integer basis points
// (1250); a prepay offer's terms are two whole numbers of months (预缴 12 个月送 1 个月).
import { onMounted, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/discounts'
import { listFeeItems, type FeeItem } from '@/api/billing'
import { useEditDialog } from '@/composables/useEditDialog'
import { useProjectsStore } from '@/stores/projects'
import { parsePercentOff, percentOff } from '@/utils/rate'
import { thisMonth } from '@/utils/time'

const blank = () => ({
  project_id: undefined as number | undefined, fee_item_id: undefined as number | undefined, name: '',
  kind: 'percent' as api.DiscountKind, rate: '',
  months_paid: 12 as number | null | undefined, months_free: 1 as number | null | undefined,
  period_from: thisMonth(), period_to: '' as string | null, active: true,
})
type Form = ReturnType<typeof blank>

/** A prepay offer's terms, or the fields they fail on: 2 ≤ paid ≤ 36, 1 ≤ free < paid. */
export function prepayTerms(f: Pick<Form, 'months_paid' | 'months_free'>) {
  const whole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v)
  const paid = whole(f.months_paid) && f.months_paid >= 2 && f.months_paid <= 36 ? f.months_paid : null
  const free = paid !== null && whole(f.months_free) && f.months_free >= 1 && f.months_free < paid ? f.months_free : null
  return { paid, free }
}

export function useDiscounts() {
  const { t } = useI18n()
  const projects = useProjectsStore()
  const projectId = ref<number | undefined>()
  const rules = ref<api.DiscountRule[]>([])
  /** Fee items of the listed project(s), by id, for the names in the list. */
  const feeItems = ref(new Map<number, FeeItem>())
  const loading = ref(false)
  /** The rule whose switch is being saved. */
  const toggling = ref<number | null>(null)
  const dialog = useEditDialog(blank)
  /** Fee items of the project chosen in the dialog. */
  const dialogItems = ref<FeeItem[]>([])

  async function load() {
    loading.value = true
    try {
      const [r, f] = await Promise.all([api.listDiscountRules(projectId.value), listFeeItems(projectId.value)])
      rules.value = r.items
      feeItems.value = new Map(f.items.map((x) => [x.id, x]))
    } catch {
      rules.value = [] // the request layer showed the error
    } finally {
      loading.value = false
    }
  }
  onMounted(async () => {
    try {
      const list = await projects.load()
      if (!projectId.value && list.length) projectId.value = list[0].id
    } catch {
      /* shown */
    }
    await load()
  })

  // The dialog's fee item picker offers the chosen project's items only.
  watch(() => dialog.form.project_id, async (pid) => {
    dialogItems.value = []
    if (!pid) return
    try {
      const items = (await listFeeItems(pid)).items
      if (dialog.form.project_id !== pid) return // changed again meanwhile
      dialogItems.value = items
      if (dialog.form.fee_item_id && !items.some((f) => f.id === dialog.form.fee_item_id)) dialog.form.fee_item_id = undefined
    } catch {
      /* shown */
    }
  })

  const feeItemName = (id: number) => feeItems.value.get(id)?.name ?? `#${id}`

  function create() {
    dialog.openNew({ project_id: projectId.value })
  }
  function edit(r: api.DiscountRule) {
    const prepay = r.kind === 'prepay'
    dialog.openEdit(r.id, {
      project_id: r.project_id, fee_item_id: r.fee_item_id, name: r.name, kind: r.kind,
      rate: prepay ? '' : percentOff(r.rate_bp),
      months_paid: prepay ? r.months_paid : 12, months_free: prepay ? r.months_free : 1,
      period_from: r.period_from, period_to: r.period_to ?? '', active: r.active,
    })
  }

  /** The terms of the form's kind as the server takes them, or null after marking the field. */
  function terms(f: Form): Pick<api.NewDiscountRule, 'rate_bp' | 'months_paid' | 'months_free'> | null {
    dialog.clearErrors()
    if (f.kind === 'percent') {
      const rate = parsePercentOff(f.rate)
      if (rate === null) dialog.setError('rate_bp', t('discounts.invalidRate'))
      return rate === null ? null : { rate_bp: rate }
    }
    const { paid, free } = prepayTerms(f)
    if (paid === null) dialog.setError('months_paid', t('prepay.invalidMonthsPaid'))
    else if (free === null) dialog.setError('months_free', t('prepay.invalidMonthsFree', { max: paid - 1 }))
    return paid === null || free === null ? null : { months_paid: paid, months_free: free }
  }

  async function save() {
    const kindTerms = terms(dialog.form)
    if (!kindTerms) return
    const saved = await dialog.submit((id, f) => {
      if (id !== null) {
        return api.updateDiscountRule(id, {
          name: f.name, ...kindTerms, period_from: f.period_from, period_to: f.period_to || null, active: f.active,
        })
      }
      const body: api.NewDiscountRule = {
        project_id: f.project_id as number, fee_item_id: f.fee_item_id as number, name: f.name, kind: f.kind,
        ...kindTerms, period_from: f.period_from, active: f.active,
      }
      if (f.period_to) body.period_to = f.period_to
      return api.createDiscountRule(body)
    })
    if (saved) {
      ElMessage.success(t('common.saved'))
      if (projectId.value !== undefined && saved.project_id !== projectId.value) projectId.value = saved.project_id
      await load()
    }
  }

  /** 启用 switch: PATCH active; the row changes once the server has it. */
  async function toggle(r: api.DiscountRule, active: boolean) {
    toggling.value = r.id
    try {
      const saved = await api.updateDiscountRule(r.id, { active })
      rules.value = rules.value.map((x) => (x.id === saved.id ? saved : x))
      ElMessage.success(t(saved.active ? 'discounts.switchedOn' : 'discounts.switchedOff', { name: saved.name }))
    } catch {
      /* shown; the switch stays as it was */
    } finally {
      toggling.value = null
    }
  }
  return { projectId, rules, loading, toggling, dialog, dialogItems, load, feeItemName, create, edit, save, toggle }
}
