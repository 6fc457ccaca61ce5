// 收费项目: the fee items of one project; a dialog creates one (every field) or edits the
// fields the server lets change (name, valid_to, active, due_days — the price, 计费周期 and
// 阶梯价 are fixed). A metered item's price is its 阶梯价 rows: one row is a flat unit price,
// several rows are sent as `tiers` (unit_price = the first tier's price, as the demo data).
import { onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/billing'
import { useEditDialog } from '@/composables/useEditDialog'
import { useProjectsStore } from '@/stores/projects'
import { formatUnitPrice, parseUnitPrice } from '@/utils/money'
import { today } from '@/utils/time'
import { parseRows, rowsOf, type Tier, type TierRow } from './tiers'

/** The form: the contract's values (enums typed), price and tiers as the typed text. */
type Item = api.FeeItem
const blank = () => ({
  project_id: undefined as number | undefined, code: '', name: '', kind: 'property' as Item['kind'],
  method: 'area' as Item['method'], area_basis: 'gross' as Item['area_basis'], unit_price: '',
  house_kinds: ['residential'] as Item['house_kinds'], rounding: 'half_up' as Item['rounding'],
  round_to: 'fen' as Item['round_to'], due_days: 15, valid_from: today(), valid_to: '' as string | null,
  active: true, cycle_months: 1 as Item['cycle_months'], tiers: rowsOf(null) as TierRow[],
})

export function useFeeItems() {
  const { t } = useI18n()
  const projects = useProjectsStore()
  const projectId = ref<number | undefined>()
  const items = ref<api.FeeItem[]>([])
  const loading = ref(false)
  const dialog = useEditDialog(blank)

  async function load() {
    if (!projectId.value) return
    loading.value = true
    try {
      items.value = (await api.listFeeItems(projectId.value)).items
    } catch {
      items.value = [] // the request layer showed the error
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

  function create() {
    dialog.openNew({ project_id: projectId.value })
  }
  function edit(f: api.FeeItem) {
    dialog.openEdit(f.id, {
      ...f, unit_price: formatUnitPrice(f.unit_price), house_kinds: [...f.house_kinds], valid_to: f.valid_to ?? '',
      tiers: rowsOf(f.tiers as Tier[] | null, f.unit_price),  // a FeeTier's price is never null
    })
  }
  async function save() {
    const f = dialog.form
    const metered = f.method === 'metered'
    const parsed = metered ? parseRows(f.tiers) : null
    const tiers = parsed && 'tiers' in parsed ? parsed.tiers : null
    const price = tiers ? tiers[0][1] : parseUnitPrice(f.unit_price)
    if (dialog.editingId.value === null && (price === null || (parsed && 'bad' in parsed))) {
      dialog.clearErrors()
      if (parsed && 'bad' in parsed) {
        dialog.setError('tiers', t(parsed.what === 'limit' ? 'feeCycle.invalidLimit' : 'feeCycle.invalidTierPrice', { row: parsed.bad }))
      } else dialog.setError('unit_price', t('billing.invalidPrice'))
      return
    }
    const saved = await dialog.submit((id, f) => {
      if (id !== null) {
        return api.updateFeeItem(id, { name: f.name, valid_to: f.valid_to || null, active: f.active, due_days: f.due_days })
      }
      const body: api.NewFeeItem = {
        project_id: f.project_id as number, code: f.code, name: f.name, kind: f.kind, method: f.method,
        unit_price: price as number, house_kinds: f.house_kinds, rounding: f.rounding, round_to: f.round_to,
        due_days: f.due_days, valid_from: f.valid_from,
      }
      if (f.method === 'area') body.area_basis = f.area_basis
      if (!metered) body.cycle_months = f.cycle_months
      if (tiers && tiers.length > 1) body.tiers = tiers
      if (f.valid_to) body.valid_to = f.valid_to
      return api.createFeeItem(body)
    })
    // The server (calc) rejected the limits: say what a valid tier list is.
    if (!saved && dialog.errors.tiers) dialog.setError('tiers', t('feeCycle.badTiers'))
    if (saved) {
      ElMessage.success(t('common.saved'))
      if (saved.project_id !== projectId.value) projectId.value = saved.project_id
      await load()
    }
  }
  return { projectId, items, loading, dialog, load, create, edit, save }
}
