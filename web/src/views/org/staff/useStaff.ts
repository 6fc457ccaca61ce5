import { onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import {
  createStaff, listDepartments, listStaff, resetStaffPassword, updateStaff, type Department, type Staff, type Trade,
} from '@/api/org'
import { useEditDialog } from '@/composables/useEditDialog'
import { usePagedList } from '@/composables/usePagedList'

export function useStaff() {
  const { t } = useI18n()
  const list = usePagedList(listStaff, { q: '', project_id: undefined as number | undefined })
  const departments = ref<Department[]>([])
  const dialog = useEditDialog(() => ({
    login: '', name: '', password: '', department_id: undefined as number | undefined, trade: 'service' as Trade,
  }))
  const reset = useEditDialog(() => ({ password: '' }))
  const grantsOf = ref<Staff | null>(null)

  function departmentName(id: number | null) {
    return departments.value.find((d) => d.id === id)?.name ?? ''
  }
  function edit(s: Staff) {
    dialog.openEdit(s.id, { login: s.login, name: s.name, department_id: s.department_id ?? undefined, trade: s.trade as Trade })
  }
  async function save() {
    const ok = await dialog.submit((id, f) => {
      const body = { name: f.name, trade: f.trade, department_id: f.department_id || undefined }
      if (id === null) return createStaff({ ...body, login: f.login, password: f.password })
      return updateStaff(id, body)
    })
    if (ok) {
      ElMessage.success(t('common.saved'))
      await list.load()
    }
  }
  async function toggleStatus(s: Staff) {
    const disable = s.status === 'active'
    if (disable) {
      try {
        await ElMessageBox.confirm(t('staff.confirmDisable', { name: s.name }), t('common.confirmTitle'), { type: 'warning' })
      } catch {
        return
      }
    }
    try {
      await updateStaff(s.id, { status: disable ? 'disabled' : 'active' })
      ElMessage.success(t(disable ? 'staff.disabled' : 'staff.enabled'))
      await list.load()
    } catch {
      /* shown */
    }
  }
  async function saveReset() {
    const id = reset.editingId.value
    if (id === null) return
    await reset.submit(() => resetStaffPassword(id, reset.form.password))
    if (!reset.open.value) ElMessage.success(t('staff.passwordReset'))
  }

  onMounted(async () => {
    await list.load()
    try {
      departments.value = (await listDepartments({ quiet: true })).items
    } catch {
      /* departments are optional here */
    }
  })
  return { list, departments, departmentName, dialog, edit, save, toggleStatus, reset, saveReset, grantsOf }
}
