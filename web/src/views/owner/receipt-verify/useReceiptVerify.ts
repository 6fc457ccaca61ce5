// Loads what a receipt's QR code vouches for (public: no login, nothing personal).
import { ref } from 'vue'
import { ApiError, errorText } from '@/api/request'
import { verifyReceipt, type ReceiptVerification } from '@/api/billing'

export function useReceiptVerify(token: string) {
  const receipt = ref<ReceiptVerification | null>(null)
  const failure = ref('')
  const notFound = ref(false)
  const loading = ref(true)
  async function load() {
    loading.value = true
    failure.value = ''
    try {
      receipt.value = await verifyReceipt(token)
    } catch (e) {
      notFound.value = e instanceof ApiError && e.status === 404
      failure.value = errorText(e)
    } finally {
      loading.value = false
    }
  }
  void load()
  return { receipt, failure, notFound, loading, load }
}
