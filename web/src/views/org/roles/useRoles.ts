import { computed, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { createRole, listPermissions, listRoles, updateRole, type PermissionDef, type Role } from '@/api/org'
import { useEditDialog } from '@/composables/useEditDialog'

export function useRoles() {
  const { t, locale } = useI18n()
  const roles = ref<Role[]>([])
  const catalogue = ref<PermissionDef[]>([])
  const loading = ref(false)
  const dialog = useEditDialog(() => ({ code: '', name: '', permissions: [] as string[] }))

  /** The catalogue grouped by its first segment ("org", "property", …). */
  const groups = computed(() => {
    const out = new Map<string, PermissionDef[]>()
    for (const p of catalogue.value) {
      const g = p.code.split(':')[0]
      if (!out.has(g)) out.set(g, [])
      out.get(g)!.push(p)
    }
    return [...out.entries()].map(([key, items]) => ({ key, items }))
  })
  function permName(code: string): string {
    const p = catalogue.value.find((x) => x.code === code)
    if (!p) return code
    return locale.value === 'en-US' ? p.name_en : p.name_zh
  }

  async function load() {
    loading.value = true
    try {
      const [r, p] = await Promise.all([listRoles(), listPermissions()])
      roles.value = r.items
      catalogue.value = p.items
    } catch {
      /* shown */
    } finally {
      loading.value = false
    }
  }
  function edit(r: Role) {
    dialog.openEdit(r.id, { code: r.code, name: r.name, permissions: [...r.permissions] })
  }
  async function save() {
    const ok = await dialog.submit((id, f) =>
      id === null
        ? createRole({ code: f.code, name: f.name, permissions: f.permissions })
        : updateRole(id, { name: f.name, permissions: f.permissions }),
    )
    if (ok) {
      ElMessage.success(t('common.saved'))
      await load()
    }
  }
  onMounted(load)
  return { roles, groups, loading, dialog, edit, save, load, permName }
}
