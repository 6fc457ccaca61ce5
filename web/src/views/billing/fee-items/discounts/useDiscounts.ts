// 优惠规则: the discount rules of a project (or of every project the caller sees), the fee
// items they name, the on/off switch (PATCH active) and a dialog that creates a rule or
// changes one (name, rate, periods, active — project and fee item stay as created).
// The rate is typed as a percentage ("12.5") and sent as integer basis points (1250).
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
  rate: '', period_from: thisMonth(), period_to: '' as string | null, active: true,
})

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
    dialog.openEdit(r.id, {
      project_id: r.project_id, fee_item_id: r.fee_item_id, name: r.name, rate: percentOff(r.rate_bp),
      period_from: r.period_from, period_to: r.period_to ?? '', active: r.active,
    })
  }
  async function save() {
    const f = dialog.form
    const rate = parsePercentOff(f.rate)
    if (rate === null) {
      dialog.clearErrors()
      dialog.setError('rate_bp', t('discounts.invalidRate'))
      return
    }
    const saved = await dialog.submit((id, f) => {
      if (id !== null) {
        return api.updateDiscountRule(id, {
          name: f.name, rate_bp: rate, period_from: f.period_from, period_to: f.period_to || null, active: f.active,
        })
      }
      const body: api.NewDiscountRule = {
        project_id: f.project_id as number, fee_item_id: f.fee_item_id as number, name: f.name, rate_bp: rate,
        period_from: f.period_from, active: f.active,
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
