// 报事报修 form state: kind, the owner's house (户内报修) or, for the other kinds, the project
// of one of their houses (asked only when they live in several), place (公区报修),
// description with a live category/urgency suggestion (debounced GET /work-orders/suggest),
// the category and urgency the owner may change, preferred time, photos (compressed and
// uploaded as they are picked). Submitting creates the order and opens it.
import { computed, onMounted, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { showFailToast, showSuccessToast } from 'vant'
import { listHouses, type House } from '@/api/property'
import { useProjectsStore } from '@/stores/projects'
import {
  categoryLabel, createWorkOrder, listCategories, suggest, type Category, type Suggestion, type WoKind, type WoUrgency, type WorkOrderInput,
} from '@/api/workorders'
import { ApiError, errorText } from '@/api/request'
import { useFormErrors } from '@/composables/useFormErrors'
import { usePhotoUpload } from '@/mobile/workorders/usePhotoUpload'

export const MIN_DESCRIPTION = 2 // as the server
const SUGGEST_DELAY_MS = 400

export function useReportForm() {
  const { t, locale } = useI18n()
  const router = useRouter()
  const form = reactive({
    kind: 'repair_house' as WoKind, house_id: null as number | null, project_id: null as number | null, place: '', description: '',
    urgency: 'normal' as WoUrgency, preferred_time: '',
  })
  /** The category the owner picked; null = take the suggestion. */
  const chosenCategory = ref<number | null>(null)
  const urgencyTouched = ref(false)
  const houses = ref<House[]>([])
  const projectsStore = useProjectsStore()
  /** The projects the owner lives in (where a non-house report can belong). */
  const projects = computed(() => [...new Set(houses.value.map((h) => h.project_id))]
    .map((id) => ({ id, name: projectsStore.nameOf(id) })))
  const categories = ref<Category[]>([])
  const suggestion = ref<Suggestion | null>(null)
  const photos = usePhotoUpload()
  const { errors, apply, set, clear } = useFormErrors()
  const saving = ref(false)
  const loading = ref(true)

  onMounted(async () => {
    try {
      const [h, c] = await Promise.all([
        listHouses({ page: 1, size: 100 }),
        listCategories({ quiet: true }).catch(() => ({ items: [] as Category[] })),
        projectsStore.load(),
      ])
      houses.value = h.items
      if (h.items.length === 1) form.house_id = h.items[0].id
      if (projects.value.length) form.project_id = projects.value[0].id
      categories.value = c.items.filter((x) => x.active)
    } catch {
      /* the request layer showed the error */
    } finally {
      loading.value = false
    }
  })

  // The suggestion follows the text, debounced; a stale answer never overwrites a newer one.
  let timer = 0
  let asked = 0
  watch(() => form.description, (text) => {
    window.clearTimeout(timer)
    const q = text.trim()
    if (q.length < 2) {
      suggestion.value = null
      return
    }
    timer = window.setTimeout(async () => {
      const mine = ++asked
      try {
        const s = await suggest(q)
        if (mine !== asked) return
        suggestion.value = s
        if (!urgencyTouched.value && s.urgency) form.urgency = s.urgency
      } catch {
        /* no suggestion: the owner picks or the server decides */
      }
    }, SUGGEST_DELAY_MS)
  })

  const categoryName = (c: Category) => categoryLabel(c, locale.value)
  /** The category that will be sent: the owner's pick, else the suggestion. */
  const effectiveCategory = computed(() => chosenCategory.value ?? suggestion.value?.category_id ?? null)
  function pickCategory(id: number) {
    chosenCategory.value = chosenCategory.value === id ? null : id
  }
  function pickUrgency(u: WoUrgency) {
    form.urgency = u
    urgencyTouched.value = true
  }
  const needsHouse = computed(() => form.kind === 'repair_house')
  const needsPlace = computed(() => form.kind === 'repair_public')

  async function submit() {
    clear()
    if (needsHouse.value && !form.house_id) set('house_id', t('woMobile.houseRequired'))
    if (!needsHouse.value && !form.project_id) set('house_id', t('woMobile.noHouse'))
    if (needsPlace.value && !form.place.trim()) set('place', t('woMobile.placeRequired'))
    if (form.description.trim().length < MIN_DESCRIPTION) set('description', t('woMobile.descriptionShort'))
    if (Object.keys(errors).length) return
    if (photos.busy.value) return
    const body: WorkOrderInput = {
      kind: form.kind, description: form.description.trim(), urgency: form.urgency,
      ...(needsHouse.value ? { house_id: form.house_id! } : { project_id: form.project_id! }),
      ...(needsPlace.value ? { place: form.place.trim() } : {}),
      ...(chosenCategory.value ? { category_id: chosenCategory.value } : {}),
      ...(form.preferred_time ? { preferred_time: new Date(form.preferred_time).toISOString() } : {}),
    }
    const ids = photos.ids()
    if (ids.length) body.photos = ids
    saving.value = true
    try {
      const o = await createWorkOrder(body, { quiet: true })
      showSuccessToast(t('woMobile.submitted', { number: o.number }))
      await router.replace(`/owner/workorders/${o.id}`)
    } catch (e) {
      const expired = e instanceof ApiError && e.status === 401
      apply(e)
      if (!expired) showFailToast(errorText(e))
    } finally {
      saving.value = false
    }
  }

  return {
    form, houses, projects, categories, suggestion, chosenCategory, effectiveCategory, categoryName, pickCategory, pickUrgency,
    needsHouse, needsPlace, photos, errors, saving, loading, submit,
  }
}
