// The projects the caller may see, loaded once and shared by every page's project picker.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { listProjects, type Project } from '@/api/org'

export const useProjectsStore = defineStore('projects', () => {
  const items = ref<Project[]>([])
  let loading: Promise<Project[]> | null = null

  function load(force = false): Promise<Project[]> {
    if (!force && loading) return loading
    loading = listProjects()
      .then((r) => (items.value = r.items))
      .catch((e) => {
        loading = null
        throw e
      })
    return loading
  }

  function nameOf(id: number | null | undefined): string {
    if (id == null) return ''
    return items.value.find((p) => p.id === id)?.name ?? `#${id}`
  }

  return { items, load, nameOf }
})
