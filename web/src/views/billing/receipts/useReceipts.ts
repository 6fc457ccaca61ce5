// 收据: the receipts the caller may read, filtered by project, house and status; the PDF is
// downloaded with the session (api/request.ts's download, under the server's file name);
// printing opens the PDF in a new tab on the chosen paper (A4, or 241 mm continuous paper),
// one receipt or the selected rows as ONE PDF, a page each in the table's order (at most
// MAX_PRINT_BATCH; the selection is of this page); voiding asks a reason.
import { onMounted, reactive, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import * as api from '@/api/billing'
import { ApiError, errorText } from '@/api/request'
import { usePagedList } from '@/composables/usePagedList'
import { houseSource } from '@/components/pickers/sources'
import { useOptionLabels } from '@/components/pickers/useOptionLabels'

export function useReceipts() {
  const { t, te } = useI18n()
  const list = usePagedList(api.listReceipts, {
    project_id: undefined as number | undefined, house_id: undefined as number | undefined, status: '',
  })
  const houseCodes = useOptionLabels(houseSource())
  watch(list.items, (items) => houseCodes.load(items.map((r) => r.house_id)))
  function changeProject() {
    list.query.house_id = undefined
    return list.search()
  }

  // 打印: the paper is remembered on this browser (a desk has one printer).
  const PAPER_KEY = 'anju.receiptPaper'
  const stored = localStorage.getItem(PAPER_KEY)
  const paper = ref<api.ReceiptPaper>(api.RECEIPT_PAPERS.find((p) => p === stored) ?? 'a4')
  watch(paper, (p) => localStorage.setItem(PAPER_KEY, p))
  const selected = ref<api.Receipt[]>([])
  function onSelection(rows: api.Receipt[]) {
    selected.value = rows
  }
  const printing = ref(false)
  async function print(ids: number[]) {
    if (ids.length > api.MAX_PRINT_BATCH) {
      ElMessage.warning(t('billing.receipt.printLimit', { n: api.MAX_PRINT_BATCH }))
      return
    }
    printing.value = true
    try {
      if (ids.length === 1) await api.printReceipt(ids[0], paper.value)
      else await api.printReceipts(ids, paper.value)
    } catch (err) {
      ElMessage.error(`${t('billing.receipt.printFailed')}: ${errorText(err)}`)
    } finally {
      printing.value = false
    }
  }
  /** The selected rows in the table's order (newest first), as one PDF. */
  function printSelected() {
    const chosen = new Set(selected.value.map((r) => r.id))
    return print(list.items.value.filter((r) => chosen.has(r.id)).map((r) => r.id))
  }
  const printOne = (r: api.Receipt) => print([r.id])

  /** Receipt ids whose PDF is on its way. */
  const downloading = reactive(new Set<number>())
  async function downloadPdf(r: api.Receipt) {
    downloading.add(r.id)
    try {
      await api.downloadReceiptPdf(r.id)
    } catch (err) {
      ElMessage.error(`${t('billing.receipt.pdfFailed')}: ${errorText(err)}`)
    } finally {
      downloading.delete(r.id)
    }
  }

  // 作废: a dialog with the reason (2–200 characters); the server's error shows in it.
  const voiding = ref<api.Receipt | null>(null)
  const reason = ref('')
  const reasonError = ref('')
  const saving = ref(false)
  function openVoid(r: api.Receipt) {
    voiding.value = r
    reason.value = ''
    reasonError.value = ''
  }
  async function confirmVoid() {
    const r = voiding.value
    if (!r) return
    const text = reason.value.trim()
    if ([...text].length < 2 || [...text].length > 200) {
      reasonError.value = t('billing.receipt.reasonInvalid')
      return
    }
    saving.value = true
    reasonError.value = ''
    try {
      await api.voidReceipt(r.id, text, { quiet: true })
      voiding.value = null
      ElMessage.success(t('billing.receipt.voided'))
      await list.load()
    } catch (err) {
      const field = err instanceof ApiError ? err.fields.find((f) => f.field === 'reason') : undefined
      reasonError.value = field ? (te(`fieldError.${field.code}`) ? t(`fieldError.${field.code}`) : field.message) : errorText(err)
    } finally {
      saving.value = false
    }
  }

  onMounted(list.load)
  return {
    list, houseCodes, changeProject, downloading, downloadPdf, voiding, reason, reasonError, saving, openVoid, confirmVoid,
    paper, selected, onSelection, printing, printSelected, printOne,
  }
}
