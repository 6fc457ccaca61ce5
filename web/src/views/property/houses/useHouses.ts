// The house table beside the tree: filters (tree node, kind, status, search), paging and
// the create/edit/delete dialog. Areas are edited as "123.45" and sent as 0.01 m² integers.
import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import * as api from '@/api/property'
import { usePagedList } from '@/composables/usePagedList'
import { useEditDialog } from '@/composables/useEditDialog'
import { formatArea, parseArea } from '@/utils/area'
import type { TreeNode } from './useStructure'
import type { Fields, Schema } from '@/api/schema'

export function useHouses(projectId: Ref<number | undefined>, node: Ref<TreeNode | null>, onChanged: () => void) {
  const { t } = useI18n()
  const list = usePagedList(
    (q: api.HouseFilter & { page: number; size: number }) => {
      const n = node.value
      return api.listHouses({
        ...q,
        project_id: projectId.value,
        building_id: n?.kind === 'building' ? n.id : undefined,
        entrance_id: n?.kind === 'entrance' ? n.id : undefined,
        floor_id: n?.kind === 'floor' ? n.id : undefined,
      })
    },
    { kind: '', status: '', q: '' } as api.HouseFilter,
  )
  const dialog = useEditDialog(() => ({
    floor_id: undefined as number | undefined, number: '', kind: 'residential', status: 'vacant',
    gross_area: '', net_area: '', delivered_on: '' as string | null,
  }))
  const detail = ref<api.House | null>(null)

  function openNew() {
    dialog.openNew({ floor_id: node.value?.kind === 'floor' ? node.value.id : undefined })
  }
  function edit(h: api.House) {
    dialog.openEdit(h.id, {
      floor_id: h.floor_id, number: h.number, kind: h.kind, status: h.status,
      gross_area: formatArea(h.gross_area), net_area: formatArea(h.net_area), delivered_on: h.delivered_on ?? '',
    })
  }
  async function save() {
    const gross = parseArea(dialog.form.gross_area)
    const net = parseArea(dialog.form.net_area)
    dialog.clearErrors()
    if (!dialog.form.floor_id) dialog.setError('floor_id', t('property.selectFloor'))
    if (gross === null) dialog.setError('gross_area', t('common.invalidArea'))
    if (net === null) dialog.setError('net_area', t('common.invalidArea'))
    if (!dialog.form.floor_id || gross === null || net === null) return
    const ok = await dialog.submit((id, f) => {
      const body: Fields<Schema<'HouseCreate'>> = {
        floor_id: f.floor_id, number: f.number, kind: f.kind, status: f.status, gross_area: gross, net_area: net,
      }
      if (f.delivered_on) body.delivered_on = f.delivered_on
      else if (id !== null) body.delivered_on = null
      return id === null ? api.createHouse(body) : api.updateHouse(id, body)
    })
    if (ok) {
      ElMessage.success(t('common.saved'))
      await list.load()
      onChanged()
    }
  }
  async function remove(h: api.House) {
    try {
      await ElMessageBox.confirm(t('common.confirmDelete', { name: h.code }), t('common.confirmTitle'), { type: 'warning' })
    } catch {
      return
    }
    try {
      await api.deleteHouse(h.id)
      ElMessage.success(t('common.deleted'))
      await list.load()
      onChanged()
    } catch {
      /* shown */
    }
  }

  watch([projectId, node], () => void list.search())
  return { list, dialog, detail, openNew, edit, save, remove }
}
