// Building names for tables that carry only building ids (欠费账龄 by building, 抄表): the
// project's tree is loaded once per project, and also gives the building filter's options.
import { reactive } from 'vue'
import { getTree, type TreeBuilding } from '@/api/property'

export function useBuildingNames() {
  const byProject = reactive(new Map<number, TreeBuilding[]>())
  const names = reactive(new Map<number, string>())
  const pending = new Set<number>()

  /** Loads the buildings of projects not loaded yet. */
  function load(projectIds: (number | null | undefined)[]) {
    for (const id of new Set(projectIds)) {
      if (!id || byProject.has(id) || pending.has(id)) continue
      pending.add(id)
      getTree(id)
        .then((tree) => {
          byProject.set(id, tree.buildings)
          for (const b of tree.buildings) names.set(b.id, b.name || b.code)
        })
        .catch(() => byProject.set(id, []))
        .finally(() => pending.delete(id))
    }
  }
  const name = (id: number | null | undefined) => (id ? names.get(id) ?? `#${id}` : '')
  const of = (projectId: number | null | undefined) => (projectId ? byProject.get(projectId) ?? [] : [])
  return { load, name, of }
}
