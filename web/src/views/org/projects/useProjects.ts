import { computed, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { createProject, updateProject, type Project } from '@/api/org'
import { useProjectsStore } from '@/stores/projects'
import { useEditDialog } from '@/composables/useEditDialog'

export function useProjects() {
  const { t } = useI18n()
  const store = useProjectsStore()
  const loading = ref(false)
  const rows = computed(() => store.items)
  const dialog = useEditDialog(() => ({ code: '', name: '', kind: 'residential', address: '', status: 'active' }))

  async function load() {
    loading.value = true
    try {
      await store.load(true)
    } catch {
      /* shown by the request layer */
    } finally {
      loading.value = false
    }
  }
  function edit(p: Project) {
    dialog.openEdit(p.id, { code: p.code, name: p.name, kind: p.kind, address: p.address, status: p.status })
  }
  async function save() {
    const ok = await dialog.submit((id, f) =>
      id === null
        ? createProject({ code: f.code, name: f.name, kind: f.kind as Project['kind'], address: f.address })
        : updateProject(id, { name: f.name, kind: f.kind as Project['kind'], address: f.address, status: f.status as Project['status'] }),
    )
    if (ok) {
      ElMessage.success(t('common.saved'))
      await load()
    }
  }
  onMounted(load)
  return { rows, loading, dialog, edit, save, load }
}
