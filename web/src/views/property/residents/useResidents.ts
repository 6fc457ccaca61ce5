import { reactive } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/property'
import { usePagedList } from '@/composables/usePagedList'
import { useEditDialog } from '@/composables/useEditDialog'
import type { Fields, Schema } from '@/api/schema'

export function useResidents() {
  const { t } = useI18n()
  const list = usePagedList(api.listResidents, { q: '', project_id: undefined as number | undefined })
  const dialog = useEditDialog(() => ({
    name: '', phone: '', id_number: '', house_id: undefined as number | undefined, relation: '' as string,
  }))
  /** Clear values the caller unmasked, by resident id (kept only on this page). */
  const unmasked = reactive<Record<number, { phone: string; id_number: string | null }>>({})
  const unmask = useEditDialog(() => ({ reason: '', name: '' }))

  function edit(r: api.Resident) {
    dialog.openEdit(r.id, { name: r.name })
  }
  async function save() {
    const ok = await dialog.submit((id, f) => {
      const body: Fields<Schema<'ResidentCreate'>> = { name: f.name }
      if (f.phone) body.phone = f.phone
      if (f.id_number) body.id_number = f.id_number
      if (id === null) {
        if (f.house_id) body.house_id = f.house_id
        if (f.relation) body.relation = f.relation
        return api.createResident(body)
      }
      return api.updateResident(id, body)
    })
    if (ok) {
      ElMessage.success(t('common.saved'))
      await list.load()
    }
  }
  async function confirmUnmask() {
    const id = unmask.editingId.value
    if (id === null) return
    if (unmask.form.reason.trim().length < 2) {
      unmask.setError('reason', t('resident.reasonRequired'))
      return
    }
    const clear = await unmask.submit(() => api.unmaskResident(id, unmask.form.reason.trim()))
    if (clear) unmasked[id] = clear
  }
  return { list, dialog, edit, save, unmasked, unmask, confirmUnmask }
}
