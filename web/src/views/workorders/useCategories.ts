// The company's work-order categories, loaded once per page load and shared by the board's
// filter, the new-order dialog, the settings and the report-point form.
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { SKILLS, categoryLabel, listCategories, type Category } from '@/api/workorders'

const items = ref<Category[]>([])
let loading: Promise<Category[]> | null = null

export interface CategoryNode extends Category {
  children?: CategoryNode[]
}

export function useCategories() {
  const { locale } = useI18n()

  function load(force = false): Promise<Category[]> {
    if (!force && loading) return loading
    loading = listCategories()
      .then((r) => (items.value = r.items))
      .catch((e) => {
        loading = null
        throw e
      })
    return loading
  }
  const label = (c: Category) => categoryLabel(c, locale.value)
  const nameOf = (id: number | null | undefined) => {
    const c = items.value.find((x) => x.id === id)
    return c ? label(c) : ''
  }
  /** Parents first, children sorted under them (by sort, then code). */
  const tree = computed<CategoryNode[]>(() => {
    const byParent = new Map<number | null, Category[]>()
    for (const c of items.value) {
      const k = c.parent_id ?? null
      byParent.set(k, [...(byParent.get(k) ?? []), c])
    }
    const build = (parent: number | null): CategoryNode[] =>
      (byParent.get(parent) ?? [])
        .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
        .map((c) => {
          const children = build(c.id)
          return children.length ? { ...c, children } : { ...c }
        })
    return build(null)
  })
  /** Options for a cascader/tree-select (active categories only). */
  const options = computed(() => {
    const map = (ns: CategoryNode[]): { value: number; label: string; children?: unknown[] }[] =>
      ns.filter((n) => n.active).map((n) => ({ value: n.id, label: label(n), ...(n.children ? { children: map(n.children) } : {}) }))
    return map(tree.value)
  })
  /** The default skills plus any other the categories use. */
  const skills = computed(() => [...new Set<string>([...SKILLS, ...items.value.map((c) => c.skill)])])
  return { items, tree, options, skills, load, nameOf, label }
}
