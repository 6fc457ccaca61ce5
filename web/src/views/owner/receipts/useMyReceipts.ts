// 我的收据: the resident's receipts (the server lists only their own houses') with their PDF
// links, and their payment history.
import { onMounted, ref } from 'vue'
import { listPayments, listReceipts, receiptPdfUrl, type Payment, type Receipt } from '@/api/billing'
import { listHouses, type House } from '@/api/property'

const SIZE = 50

export function useMyReceipts() {
  const receipts = ref<Receipt[]>([])
  const payments = ref<Payment[]>([])
  const houses = ref<House[]>([])
  const loading = ref(true)
  const failed = ref(false)
  const houseCode = (id: number) => houses.value.find((h) => h.id === id)?.code ?? ''

  async function load() {
    loading.value = true
    failed.value = false
    try {
      const [r, p, h] = await Promise.all([
        listReceipts({ page: 1, size: SIZE }), listPayments({ page: 1, size: SIZE }), listHouses({ page: 1, size: 100 }),
      ])
      receipts.value = r.items
      payments.value = p.items
      houses.value = h.items
    } catch {
      failed.value = true // the request layer showed the error
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  return { receipts, payments, loading, failed, load, houseCode, pdfUrl: receiptPdfUrl }
}
