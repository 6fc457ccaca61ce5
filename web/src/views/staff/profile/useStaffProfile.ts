import { computed, onMounted, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { listPermissions, type PermissionDef } from '@/api/org'
import { useProjectsStore } from '@/stores/projects'
import { useSessionStore } from '@/stores/session'
import { useLogout } from '@/mobile/useLogout'

export interface PermissionRow {
  code: string
  name: string
  scope: string
}
export interface PermissionGroup {
  area: string
  rows: PermissionRow[]
}

/** The staff member's account and permission codes from /me, grouped by area
 *  ("property:house:read" → property), named from the permission catalogue. */
export function useStaffProfile() {
  const { t, te, locale } = useI18n()
  const session = useSessionStore()
  const projects = useProjectsStore()
  const catalogue = ref<PermissionDef[]>([])

  const groups = computed<PermissionGroup[]>(() => {
    const byArea = new Map<string, PermissionRow[]>()
    for (const g of session.user?.permissions ?? []) {
      const def = catalogue.value.find((d) => d.code === g.code)
      const name = def ? (locale.value === 'en-US' ? def.name_en : def.name_zh) : g.code
      const scope = g.all_projects ? t('staff.allProjects') : g.projects.map(projects.nameOf).join('、')
      const area = g.code.split(':')[0]
      byArea.set(area, [...(byArea.get(area) ?? []), { code: g.code, name, scope }])
    }
    return [...byArea.entries()].map(([area, rows]) => ({
      area: te(`staffApp.areas.${area}`) ? t(`staffApp.areas.${area}`) : area,
      rows,
    }))
  })

  onMounted(async () => {
    try {
      const [defs] = await Promise.all([listPermissions(), projects.load()])
      catalogue.value = defs.items
    } catch {
      /* the request layer showed the error; codes stay readable */
    }
  })
  return { user: computed(() => session.user), groups, logout: useLogout('staff') }
}
