import { watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/property'
import { usePagedList } from '@/composables/usePagedList'
import { useEditDialog } from '@/composables/useEditDialog'
import { formatArea, parseArea } from '@/utils/area'
import { houseSource, vehicleSource } from '@/components/pickers/sources'
import { useOptionLabels } from '@/components/pickers/useOptionLabels'
import type { Fields, Schema } from '@/api/schema'

export function useParking() {
  const { t } = useI18n()
  const list = usePagedList(api.listParkingSpaces, {
    q: '', kind: '', status: '', project_id: undefined as number | undefined,
  })
  const dialog = useEditDialog(() => ({
    project_id: undefined as number | undefined, code: '', zone: '', kind: 'owned', status: 'vacant', area: '',
    house_id: undefined as number | undefined, vehicle_id: undefined as number | undefined,
  }))
  // The table shows the house code and the plate instead of their ids.
  const houseCodes = useOptionLabels(houseSource())
  const plates = useOptionLabels(vehicleSource())
  watch(list.items, (items) => {
    houseCodes.load(items.map((p) => p.house_id))
    plates.load(items.map((p) => p.vehicle_id))
  })
  // A new space's house and vehicle belong to the project chosen in the dialog.
  watch(() => dialog.form.project_id, (p, old) => {
    if (dialog.editingId.value !== null || p === old) return
    dialog.form.house_id = undefined
    dialog.form.vehicle_id = undefined
  })

  function edit(p: api.ParkingSpace) {
    dialog.openEdit(p.id, {
      project_id: p.project_id, code: p.code, zone: p.zone, kind: p.kind, status: p.status,
      area: formatArea(p.area), house_id: p.house_id ?? undefined, vehicle_id: p.vehicle_id ?? undefined,
    })
  }
  async function save() {
    const area = dialog.form.area === '' ? null : parseArea(dialog.form.area)
    if (dialog.form.area !== '' && area === null) {
      dialog.setError('area', t('common.invalidArea'))
      return
    }
    const ok = await dialog.submit((id, f) => {
      const body: Fields<Schema<'ParkingSpaceCreate'>> = { code: f.code, zone: f.zone, kind: f.kind, status: f.status }
      if (area !== null) body.area = area
      // Cleared pickers unlink the house or vehicle of an existing space.
      if (f.house_id || id !== null) body.house_id = f.house_id || null
      if (f.vehicle_id || id !== null) body.vehicle_id = f.vehicle_id || null
      return id === null ? api.createParkingSpace({ ...body, project_id: f.project_id }) : api.updateParkingSpace(id, body)
    })
    if (ok) {
      ElMessage.success(t('common.saved'))
      await list.load()
    }
  }
  return { list, dialog, houseCodes, plates, edit, save }
}
