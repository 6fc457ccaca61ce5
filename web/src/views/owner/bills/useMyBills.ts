// 我的账单: the signed-in resident's bills (the server lists only their own houses'), the
// total they owe (the sum of their houses' accounts) and their payment history.
import { computed, onMounted, ref } from 'vue'
import * as billing from '@/api/billing'
import { listHouses, type House } from '@/api/property'
import { sumFen } from '@/utils/money'

const SIZE = 100
const MAX_PAGES = 10

async function allBills(): Promise<billing.Bill[]> {
  const out: billing.Bill[] = []
  for (let page = 1; page <= MAX_PAGES; page++) {
    const r = await billing.listBills({ page, size: SIZE })
    out.push(...r.items)
    if (out.length >= r.total || !r.items.length) break
  }
  return out
}

export function useMyBills() {
  const houses = ref<House[]>([])
  const accounts = ref<billing.HouseAccount[]>([])
  const bills = ref<billing.Bill[]>([])
  const payments = ref<billing.Payment[]>([])
  const loading = ref(true)
  const failed = ref(false)

  const owed = computed(() => sumFen(accounts.value.map((a) => a.owed)))
  const prepaid = computed(() => sumFen(accounts.value.map((a) => a.prepaid)))
  /** Open bills oldest due date first (as the server sorts them); paid bills newest first. */
  const open = computed(() => bills.value.filter((b) => b.status === 'open'))
  const paid = computed(() => bills.value.filter((b) => b.status === 'paid').reverse())
  const houseCode = (id: number) => houses.value.find((h) => h.id === id)?.code ?? ''

  async function load() {
    loading.value = true
    failed.value = false
    try {
      const [h, b, p] = await Promise.all([
        listHouses({ page: 1, size: 100 }), allBills(), billing.listPayments({ page: 1, size: 50 }),
      ])
      houses.value = h.items
      bills.value = b
      payments.value = p.items
      accounts.value = await Promise.all(h.items.map((x) => billing.getHouseAccount(x.id)))
    } catch {
      failed.value = true // the request layer showed the error
    } finally {
      loading.value = false
    }
  }
  onMounted(load)
  return { houses, bills, open, paid, payments, owed, prepaid, loading, failed, load, houseCode }
}
