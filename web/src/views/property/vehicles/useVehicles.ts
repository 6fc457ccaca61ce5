import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import * as api from '@/api/property'
import { usePagedList } from '@/composables/usePagedList'
import { useEditDialog } from '@/composables/useEditDialog'
import { houseSource, residentSource } from '@/components/pickers/sources'
import { useOptionLabels } from '@/components/pickers/useOptionLabels'
import type { Fields, Schema } from '@/api/schema'

export function useVehicles() {
  const { t } = useI18n()
  const list = usePagedList(api.listVehicles, { q: '', project_id: undefined as number | undefined })
  const dialog = useEditDialog(() => ({
    project_id: undefined as number | undefined, plate: '', kind: 'car', brand: '', color: '',
    house_id: undefined as number | undefined, resident_id: undefined as number | undefined,
  }))
  // The table shows the house code and the owner's name instead of their ids.
  const houseCodes = useOptionLabels(houseSource())
  const residentNames = useOptionLabels(residentSource())
  watch(list.items, (items) => {
    houseCodes.load(items.map((v) => v.house_id))
    residentNames.load(items.map((v) => v.resident_id))
  })
  // A new vehicle's house and owner belong to the project chosen in the dialog.
  watch(() => dialog.form.project_id, (p, old) => {
    if (dialog.editingId.value !== null || p === old) return
    dialog.form.house_id = undefined
    dialog.form.resident_id = undefined
  })

  function edit(v: api.Vehicle) {
    dialog.openEdit(v.id, {
      project_id: v.project_id, plate: v.plate, kind: v.kind, brand: v.brand, color: v.color,
      house_id: v.house_id ?? undefined, resident_id: v.resident_id ?? undefined,
    })
  }
  async function save() {
    const ok = await dialog.submit((id, f) => {
      const body: Fields<Schema<'VehicleCreate'>> = { plate: f.plate, kind: f.kind, brand: f.brand, color: f.color }
      // Cleared pickers unlink the house or owner of an existing vehicle.
      if (f.house_id || id !== null) body.house_id = f.house_id || null
      if (f.resident_id || id !== null) body.resident_id = f.resident_id || null
      return id === null ? api.createVehicle({ ...body, project_id: f.project_id }) : api.updateVehicle(id, body)
    })
    if (ok) {
      ElMessage.success(t('common.saved'))
      await list.load()
    }
  }
  async function remove(v: api.Vehicle) {
    try {
      await ElMessageBox.confirm(t('common.confirmDelete', { name: v.plate }), t('common.confirmTitle'), { type: 'warning' })
    } catch {
      return
    }
    try {
      await api.deleteVehicle(v.id)
      ElMessage.success(t('common.deleted'))
      await list.load()
    } catch {
      /* shown */
    }
  }
  return { list, dialog, houseCodes, residentNames, edit, save, remove }
}
