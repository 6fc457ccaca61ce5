import { computed, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { createDepartment, listDepartments, updateDepartment, type Department } from '@/api/org'
import { useEditDialog } from '@/composables/useEditDialog'
import { useProjectsStore } from '@/stores/projects'

export interface DepartmentNode extends Department {
  children?: DepartmentNode[]
}

export function useDepartments() {
  const { t } = useI18n()
  const projects = useProjectsStore()
  const rows = ref<Department[]>([])
  const loading = ref(false)
  const dialog = useEditDialog(() => ({ name: '', project_id: undefined as number | undefined, parent_id: undefined as number | undefined }))

  /** The departments as a tree (parent → children) for the table. */
  const tree = computed<DepartmentNode[]>(() => {
    const byId = new Map<number, DepartmentNode>(rows.value.map((d) => [d.id, { ...d }]))
    const roots: DepartmentNode[] = []
    for (const d of byId.values()) {
      const parent = d.parent_id ? byId.get(d.parent_id) : undefined
      if (parent) (parent.children ??= []).push(d)
      else roots.push(d)
    }
    return roots
  })

  async function load() {
    loading.value = true
    try {
      rows.value = (await listDepartments()).items
      await projects.load()
    } catch {
      /* shown */
    } finally {
      loading.value = false
    }
  }
  function edit(d: Department) {
    dialog.openEdit(d.id, { name: d.name, project_id: d.project_id ?? undefined, parent_id: d.parent_id ?? undefined })
  }
  async function save() {
    const ok = await dialog.submit((id, f) => {
      // An unset project or parent is left out of the body.
      if (id === null) {
        return createDepartment({ name: f.name, project_id: f.project_id || undefined, parent_id: f.parent_id || undefined })
      }
      return updateDepartment(id, { name: f.name, parent_id: f.parent_id || undefined })
    })
    if (ok) {
      ElMessage.success(t('common.saved'))
      await load()
    }
  }
  onMounted(load)
  return { rows, tree, loading, dialog, edit, save, load, projects }
}
