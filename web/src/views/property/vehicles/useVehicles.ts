import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import * as api from '@/api/property'
import { usePagedList } from '@/composables/usePagedList'
import { useEditDialog } from '@/composables/useEditDialog'

export function useVehicles() {
  const { t } = useI18n()
  const list = usePagedList(api.listVehicles, { q: '', project_id: undefined as number | undefined })
  const dialog = useEditDialog(() => ({
    project_id: undefined as number | undefined, plate: '', kind: 'car', brand: '', color: '',
    house_id: undefined as number | undefined, resident_id: undefined as number | undefined,
  }))

  function edit(v: api.Vehicle) {
    dialog.openEdit(v.id, {
      project_id: v.project_id, plate: v.plate, kind: v.kind, brand: v.brand, color: v.color,
      house_id: v.house_id ?? undefined, resident_id: v.resident_id ?? undefined,
    })
  }
  async function save() {
    const ok = await dialog.submit((id, f) => {
      const body: Record<string, unknown> = { plate: f.plate, kind: f.kind, brand: f.brand, color: f.color }
      if (f.house_id) body.house_id = f.house_id
      if (f.resident_id) body.resident_id = f.resident_id
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
  return { list, dialog, edit, save, remove }
}
