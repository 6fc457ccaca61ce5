// Changes to the residents of the house in the drawer: link an existing resident, add a new
// resident straight into the house, end a link (move-out date) and remove a link. Each
// change reloads the drawer's list and tells the page (the house table counts residents).
import type { Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'
import * as api from '@/api/property'
import { ApiError, errorText } from '@/api/request'
import { useEditDialog } from '@/composables/useEditDialog'
import { today } from '@/utils/time'
import type { Fields, Schema } from '@/api/schema'

export function useHouseResidents(house: Readonly<Ref<api.House | null>>, changed: () => Promise<void> | void) {
  const { t } = useI18n()
  const link = useEditDialog(() => ({
    resident_id: undefined as number | undefined, relation: 'owner', start_date: today() as string | null,
    end_date: '' as string | null,
  }))
  const add = useEditDialog(() => ({ name: '', phone: '', id_number: '', relation: 'owner' }))
  const end = useEditDialog(() => ({ name: '', end_date: today() as string | null }))

  async function done() {
    ElMessage.success(t('common.saved'))
    await changed()
  }
  async function saveLink() {
    const h = house.value
    const f = link.form
    link.clearErrors()
    if (!f.resident_id) link.setError('resident_id', t('property.chooseResident'))
    if (!f.start_date) link.setError('start_date', t('common.required'))
    if (!h || !f.resident_id || !f.start_date) return
    let failure: unknown
    const body: Fields<Schema<'HouseResidentCreate'>> = { resident_id: f.resident_id, relation: f.relation, start_date: f.start_date }
    if (f.end_date) body.end_date = f.end_date
    const ok = await link.submit(() => api.linkResident(h.id, body).catch((e) => { failure = e; throw e }))
    // "Already linked" (409) belongs next to the resident, in the server's own words.
    if (failure instanceof ApiError && failure.status === 409) link.setError('resident_id', errorText(failure))
    if (ok) await done()
  }
  async function saveNew() {
    const h = house.value
    if (!h) return
    const ok = await add.submit((_, f) => {
      const body: Fields<Schema<'ResidentCreate'>> = { name: f.name, phone: f.phone, house_id: h.id, relation: f.relation }
      if (f.id_number) body.id_number = f.id_number
      return api.createResident(body)
    })
    if (ok) await done()
  }
  function openEnd(r: api.HouseResident) {
    end.openEdit(r.id, { name: r.resident_name, end_date: today() })
  }
  async function saveEnd() {
    const h = house.value
    end.clearErrors()
    if (!end.form.end_date) end.setError('end_date', t('common.required'))
    if (!h || !end.form.end_date) return
    const ok = await end.submit((id, f) => api.updateLink(h.id, id!, { end_date: f.end_date }))
    if (ok) await done()
  }
  async function remove(r: api.HouseResident) {
    const h = house.value
    if (!h) return
    try {
      await ElMessageBox.confirm(t('property.confirmRemoveLink', { name: r.resident_name }), t('common.confirmTitle'), { type: 'warning' })
    } catch {
      return
    }
    try {
      await api.unlinkResident(h.id, r.id)
      ElMessage.success(t('common.deleted'))
      await changed()
    } catch {
      /* shown */
    }
  }
  return { link, add, end, saveLink, saveNew, openEnd, saveEnd, remove }
}
