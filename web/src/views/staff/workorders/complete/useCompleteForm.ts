// 完工登记: what was done (required), photos, an optional labour fee and material lines
// (quantity × unit price), and whether to charge the owner. Amounts are typed in 元 and kept
// as integer 分: a line is quantity × unit price in 分, the total their integer sum.
import { computed, onMounted, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { showFailToast, showSuccessToast } from 'vant'
import { completeOrder, getWorkOrder, type Completion, type MaterialLine, type WorkOrderDetail } from '@/api/workorders'
import { ApiError, errorText } from '@/api/request'
import { parseYuan, sumFen } from '@/utils/money'
import { useFormErrors } from '@/composables/useFormErrors'
import { usePhotoUpload } from '@/mobile/workorders/usePhotoUpload'

export interface Line { key: number; name: string; quantity: number; price: string }

export function useCompleteForm(id: number) {
  const { t } = useI18n()
  const router = useRouter()
  const form = reactive({ note: '', labour: '', charge: false })
  const lines = ref<Line[]>([])
  const photos = usePhotoUpload()
  const { errors, apply, set, clear } = useFormErrors()
  const saving = ref(false)
  let nextKey = 1
  /** The order (its number and whether it has a house to charge). */
  const order = ref<WorkOrderDetail | null>(null)
  onMounted(async () => {
    try {
      order.value = await getWorkOrder(id)
    } catch {
      /* the request layer showed the error; the form still works */
    }
  })

  function addLine() {
    lines.value.push({ key: nextKey++, name: '', quantity: 1, price: '' })
  }
  function removeLine(key: number) {
    lines.value = lines.value.filter((l) => l.key !== key)
  }
  /** 分, or null while the text is not an amount; '' counts as 0. */
  const fen = (text: string) => (text.trim() ? parseYuan(text) : 0)
  const labourFen = computed(() => fen(form.labour))
  const lineFen = (l: Line) => {
    const p = fen(l.price)
    return p === null ? null : p * l.quantity
  }
  const totalFen = computed(() => sumFen([labourFen.value ?? 0, ...lines.value.map((l) => lineFen(l) ?? 0)]))

  async function submit() {
    clear()
    if (!form.note.trim()) set('note', t('woMobile.required'))
    if (labourFen.value === null) set('labour_fee', t('woMobile.amountInvalid'))
    const materials: MaterialLine[] = []
    lines.value.forEach((l, i) => {
      const price = fen(l.price)
      if (!l.name.trim()) set(`materials[${i}].name`, t('woMobile.nameRequired'))
      if (price === null || !l.price.trim()) set(`materials[${i}].unit_price`, t('woMobile.amountInvalid'))
      else materials.push({ name: l.name.trim(), quantity: l.quantity, unit_price: price })
    })
    if (Object.keys(errors).length || photos.busy.value) return
    const body: Completion = { note: form.note.trim() }
    const ids = photos.ids()
    if (ids.length) body.photos = ids
    if (labourFen.value) body.labour_fee = labourFen.value
    if (materials.length) body.materials = materials
    if (form.charge && totalFen.value > 0) body.charge = true
    saving.value = true
    try {
      await completeOrder(id, body)
      showSuccessToast(t('woMobile.completed'))
      await router.replace(`/staff/workorders/${id}`)
    } catch (e) {
      apply(e)
      if (!(e instanceof ApiError && e.status === 401)) showFailToast(errorText(e))
    } finally {
      saving.value = false
    }
  }
  return { order, form, lines, photos, errors, saving, addLine, removeLine, lineFen, totalFen, submit }
}
