// 新建工单 (customer service registering a phone call): the form, the classifier's suggestion
// fetched while the description is typed (debounced, stale answers dropped) and applied to the
// category and urgency until staff pick their own, and the submit.
import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/workorders'
import { useEditDialog } from '@/composables/useEditDialog'

const DEBOUNCE_MS = 400

function blank() {
  return {
    project_id: undefined as number | undefined,
    kind: 'repair_house' as api.WoKind,
    house_id: undefined as number | undefined,
    place: '',
    category_id: undefined as number | undefined,
    urgency: 'normal' as api.WoUrgency,
    description: '',
    reporter_name: '',
    reporter_phone: '',
    preferred_time: '',
  }
}

export function useCreateOrder(onCreated: (o: api.WorkOrderDetail) => void) {
  const { t } = useI18n()
  const d = useEditDialog(blank)
  const suggestion = ref<api.Suggestion | null>(null)
  const suggesting = ref(false)
  /** Staff chose the category / urgency themselves: the suggestion no longer overrides them. */
  const touched = { category: false, urgency: false }
  let timer: ReturnType<typeof setTimeout> | undefined
  let seq = 0

  function openFor(projectId?: number) {
    d.openNew({ project_id: projectId })
    suggestion.value = null
    touched.category = false
    touched.urgency = false
  }
  function pickCategory(id: number | undefined) {
    d.form.category_id = id
    touched.category = true
  }
  function pickUrgency(u: api.WoUrgency) {
    d.form.urgency = u
    touched.urgency = true
  }
  function applySuggestion(force = false) {
    const s = suggestion.value
    if (!s) return
    if ((force || !touched.category) && s.category_id) d.form.category_id = s.category_id
    if (force || !touched.urgency) d.form.urgency = s.urgency
    if (force) touched.category = touched.urgency = false
  }

  watch(() => d.form.description, (text) => {
    clearTimeout(timer)
    const q = text.trim()
    if (q.length < 2) {
      seq++
      suggestion.value = null
      suggesting.value = false
      return
    }
    suggesting.value = true
    timer = setTimeout(async () => {
      const mine = ++seq
      try {
        const s = await api.suggest(q)
        if (mine !== seq) return
        suggestion.value = s
        applySuggestion()
      } catch {
        if (mine === seq) suggestion.value = null // quiet: the form still works without it
      } finally {
        if (mine === seq) suggesting.value = false
      }
    }, DEBOUNCE_MS)
  })

  const needsHouse = computed(() => d.form.kind === 'repair_house')

  /** Client checks first (each next to its field), then the server's. */
  async function save() {
    const f = d.form
    d.clearErrors()
    if (!f.project_id && !f.house_id) d.setError('project_id', t('wo.create.needProject'))
    if (needsHouse.value && !f.house_id) d.setError('house_id', t('wo.create.needHouse'))
    if (!needsHouse.value && !f.house_id && !f.place.trim()) d.setError('place', t('wo.create.needPlace'))
    if (!f.description.trim()) d.setError('description', t('wo.create.needDescription'))
    if (Object.keys(d.errors).length) return
    const o = await d.submit(() => api.createWorkOrder({
      project_id: f.house_id ? undefined : f.project_id,
      kind: f.kind,
      description: f.description.trim(),
      category_id: f.category_id,
      urgency: f.urgency,
      house_id: f.house_id,
      place: f.place.trim() || undefined,
      preferred_time: f.preferred_time || undefined,
      reporter_name: f.reporter_name.trim() || undefined,
      reporter_phone: f.reporter_phone.trim() || undefined,
    }))
    if (o) {
      ElMessage.success(t('wo.create.created', { number: o.number }))
      onCreated(o)
    }
  }
  return { ...d, openFor, save, suggestion, suggesting, applySuggestion, pickCategory, pickUrgency, needsHouse }
}
