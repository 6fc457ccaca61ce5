import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/property'
import { usePagedList } from '@/composables/usePagedList'
import { useEditDialog } from '@/composables/useEditDialog'
import { formatArea, parseArea } from '@/utils/area'

export function useParking() {
  const { t } = useI18n()
  const list = usePagedList(api.listParkingSpaces, {
    q: '', kind: '', status: '', project_id: undefined as number | undefined,
  })
  const dialog = useEditDialog(() => ({
    project_id: undefined as number | undefined, code: '', zone: '', kind: 'owned', status: 'vacant', area: '',
    house_id: undefined as number | undefined, vehicle_id: undefined as number | undefined,
  }))

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
      const body: Record<string, unknown> = { code: f.code, zone: f.zone, kind: f.kind, status: f.status }
      if (area !== null) body.area = area
      if (f.house_id) body.house_id = f.house_id
      if (f.vehicle_id) body.vehicle_id = f.vehicle_id
      return id === null ? api.createParkingSpace({ ...body, project_id: f.project_id }) : api.updateParkingSpace(id, body)
    })
    if (ok) {
      ElMessage.success(t('common.saved'))
      await list.load()
    }
  }
  return { list, dialog, edit, save }
}
