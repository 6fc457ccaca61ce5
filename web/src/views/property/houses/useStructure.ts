// The project → building → entrance → floor tree, and its create/edit/delete dialogs.
import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import * as api from '@/api/property'
import { useEditDialog } from '@/composables/useEditDialog'
import type { Fields, Schema } from '@/api/schema'

export type NodeKind = 'building' | 'entrance' | 'floor'
export interface TreeNode {
  key: string
  kind: NodeKind
  id: number
  label: string
  count: number
  /** The building of an entrance, the entrance of a floor. */
  parentId?: number
  raw: api.TreeBuilding | api.TreeEntrance | api.TreeFloor
  children?: TreeNode[]
}

export function useStructure() {
  const { t } = useI18n()
  const projectId = ref<number | undefined>()
  const tree = ref<api.Tree | null>(null)
  const loading = ref(false)
  const selected = ref<TreeNode | null>(null)
  /** Keys of the expanded nodes, kept across reloads of the tree. */
  const expanded = ref<string[]>([])
  const dialog = useEditDialog(() => ({
    kind: 'building' as NodeKind,
    parentId: 0,
    code: '', name: '', buildingKind: 'residential', floors_above: 0, floors_below: 0, number: 1,
  }))

  const nodes = computed<TreeNode[]>(() =>
    (tree.value?.buildings ?? []).map((b) => ({
      key: `b${b.id}`, kind: 'building', id: b.id, label: b.name, count: b.house_count, raw: b,
      children: b.entrances.map((e) => ({
        key: `e${e.id}`, kind: 'entrance', id: e.id, label: e.name, count: e.house_count, parentId: b.id, raw: e,
        children: e.floors.map((f) => ({
          key: `f${f.id}`, kind: 'floor', id: f.id, label: f.name || `${f.number}`, count: f.house_count, parentId: e.id, raw: f,
        })),
      })),
    })),
  )

  /** Building → entrance → floor options for a house's floor picker. */
  const floorOptions = computed(() =>
    nodes.value.map((b) => ({
      value: b.key, label: b.label,
      children: (b.children ?? []).map((e) => ({
        value: e.key, label: e.label,
        children: (e.children ?? []).map((f) => ({ value: f.id, label: f.label })),
      })),
    })),
  )

  async function load() {
    if (!projectId.value) return
    loading.value = true
    try {
      tree.value = await api.getTree(projectId.value)
      if (selected.value && !findNode(selected.value.key)) selected.value = null
    } catch {
      /* shown */
    } finally {
      loading.value = false
    }
  }
  function findNode(key: string, list = nodes.value): TreeNode | null {
    for (const n of list) {
      if (n.key === key) return n
      const c = n.children ? findNode(key, n.children) : null
      if (c) return c
    }
    return null
  }

  function openNew(kind: NodeKind, parentId = 0) {
    dialog.openNew({ kind, parentId })
  }
  function openEdit(n: TreeNode) {
    if (n.kind === 'building') {
      const b = n.raw as api.TreeBuilding
      dialog.openEdit(n.id, { kind: 'building', code: b.code, name: b.name, buildingKind: b.kind })
    } else if (n.kind === 'entrance') {
      const e = n.raw as api.TreeEntrance
      dialog.openEdit(n.id, { kind: 'entrance', code: e.code, name: e.name })
    } else {
      const f = n.raw as api.TreeFloor
      dialog.openEdit(n.id, { kind: 'floor', number: f.number, name: f.name })
    }
  }
  async function save() {
    const ok = await dialog.submit<unknown>((id, f) => {
      if (f.kind === 'building') {
        const body = { code: f.code, name: f.name, kind: f.buildingKind, floors_above: f.floors_above, floors_below: f.floors_below }
        return id === null ? api.createBuilding({ ...body, project_id: projectId.value }) : api.updateBuilding(id, { code: f.code, name: f.name, kind: f.buildingKind })
      }
      if (f.kind === 'entrance') {
        return id === null
          ? api.createEntrance({ building_id: f.parentId, code: f.code, name: f.name })
          : api.updateEntrance(id, { code: f.code, name: f.name })
      }
      const body: Fields<Schema<'FloorCreate'>> = { number: f.number }
      if (f.name) body.name = f.name
      return id === null ? api.createFloor({ ...body, entrance_id: f.parentId }) : api.updateFloor(id, body)
    })
    if (ok) {
      const f = dialog.form
      if (dialog.editingId.value === null && f.kind !== 'building') {
        setExpanded(`${f.kind === 'entrance' ? 'b' : 'e'}${f.parentId}`, true)
      }
      ElMessage.success(t('common.saved'))
      await load()
    }
  }
  function setExpanded(key: string, on: boolean) {
    const rest = expanded.value.filter((k) => k !== key)
    expanded.value = on ? [...rest, key] : rest
  }
  async function remove(n: TreeNode) {
    try {
      await ElMessageBox.confirm(t('common.confirmDelete', { name: n.label }), t('common.confirmTitle'), { type: 'warning' })
    } catch {
      return
    }
    try {
      if (n.kind === 'building') await api.deleteBuilding(n.id)
      else if (n.kind === 'entrance') await api.deleteEntrance(n.id)
      else await api.deleteFloor(n.id)
      ElMessage.success(t('common.deleted'))
      if (selected.value?.key === n.key) selected.value = null
      await load()
    } catch {
      /* shown */
    }
  }

  watch(projectId, () => {
    selected.value = null
    expanded.value = []
    tree.value = null
    void load()
  })
  return { projectId, tree, nodes, expanded, setExpanded, floorOptions, loading, selected, dialog, load, openNew, openEdit, save, remove }
}
