// State of a create/edit dialog: the form, the server's field errors next to the fields,
// and one submit that creates (POST) or updates (PATCH) depending on how it was opened.
import { reactive, ref } from 'vue'
import { useFormErrors } from './useFormErrors'

export function useEditDialog<F extends Record<string, unknown>>(blank: () => F) {
  const open = ref(false)
  const editingId = ref<number | null>(null)
  const form = reactive(blank()) as F
  const saving = ref(false)
  const { errors, apply, clear, set } = useFormErrors()

  function reset(values: Partial<F>) {
    Object.assign(form, blank(), values)
    clear()
  }
  function openNew(values: Partial<F> = {}) {
    editingId.value = null
    reset(values)
    open.value = true
  }
  function openEdit(id: number, values: Partial<F>) {
    editingId.value = id
    reset(values)
    open.value = true
  }

  /**
   * Runs `save(id, form)`; closes the dialog and returns the result on success. On failure
   * puts field errors next to their fields (the request layer already showed the message).
   */
  async function submit<R>(save: (id: number | null, form: F) => Promise<R>): Promise<R | undefined> {
    clear()
    saving.value = true
    try {
      const r = await save(editingId.value, form)
      open.value = false
      return r
    } catch (e) {
      apply(e)
      return undefined
    } finally {
      saving.value = false
    }
  }
  return { open, editingId, form, errors, saving, openNew, openEdit, submit, setError: set, clearErrors: clear }
}
