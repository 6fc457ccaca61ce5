import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { addGrant, listGrants, listRoles, removeGrant, type Role, type Staff, type StaffGrant } from '@/api/org'
import { useFormErrors } from '@/composables/useFormErrors'

/** The grants (role, optionally limited to a project) of one staff member. */
export function useGrants(staff: Ref<Staff | null>) {
  const { t } = useI18n()
  const grants = ref<StaffGrant[]>([])
  const roles = ref<Role[]>([])
  const loading = ref(false)
  const form = ref<{ role_id?: number; project_id?: number }>({})
  const { errors, apply, clear } = useFormErrors()

  async function load() {
    if (!staff.value) return
    loading.value = true
    try {
      const [g, r] = await Promise.all([listGrants(staff.value.id), roles.value.length ? null : listRoles()])
      grants.value = g.items
      if (r) roles.value = r.items
    } catch {
      /* shown */
    } finally {
      loading.value = false
    }
  }
  async function add() {
    if (!staff.value || !form.value.role_id) return
    clear()
    try {
      const body: { role_id: number; project_id?: number } = { role_id: form.value.role_id }
      if (form.value.project_id) body.project_id = form.value.project_id
      await addGrant(staff.value.id, body)
      ElMessage.success(t('common.saved'))
      form.value = {}
      await load()
    } catch (e) {
      apply(e)
    }
  }
  async function remove(g: StaffGrant) {
    if (!staff.value) return
    try {
      await removeGrant(staff.value.id, g.id)
      ElMessage.success(t('common.deleted'))
      await load()
    } catch {
      /* shown */
    }
  }
  watch(staff, (s) => {
    grants.value = []
    form.value = {}
    clear()
    if (s) void load()
  })
  return { grants, roles, loading, form, errors, add, remove }
}
