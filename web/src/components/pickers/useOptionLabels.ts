// Labels of ids shown in a table (a vehicle's house code, …), loaded once per id through an
// option source's byId and kept for the page's life.
import { reactive } from 'vue'
import type { OptionSource } from './sources'

export function useOptionLabels(source: OptionSource) {
  const labels = reactive(new Map<number, string>())
  const pending = new Set<number>()

  /** Loads the labels of ids not known yet; the table re-renders as they arrive. */
  function load(ids: (number | null | undefined)[]) {
    for (const id of new Set(ids)) {
      if (!id || labels.has(id) || pending.has(id)) continue
      pending.add(id)
      source.byId(id)
        .then((o) => labels.set(id, o.label))
        .catch(() => labels.set(id, `#${id}`))
        .finally(() => pending.delete(id))
    }
  }
  const label = (id: number | null | undefined) => (id ? labels.get(id) ?? '' : '')
  return { load, label }
}
