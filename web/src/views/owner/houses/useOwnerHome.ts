// The owner home's figures: what the owner's houses owe now (principal and late fees, from
// each house's account) and how many of their work orders are still open.
import { ref, watch, type Ref } from 'vue'
import { getHouseAccount } from '@/api/billing'
import type { House } from '@/api/property'
import { getSummary } from '@/api/workorders'

export function useOwnerHome(houses: Ref<House[]>) {
  const owed = ref<number | null>(null)
  const openOrders = ref(0)

  async function load(list: House[]) {
    try {
      const accounts = await Promise.all(list.map((h) => getHouseAccount(h.id, { quiet: true })))
      owed.value = accounts.reduce((sum, a) => sum + a.owed, 0) // late fees included
    } catch {
      owed.value = null // unknown: the card says so instead of showing 0
    }
    try {
      openOrders.value = (await getSummary(undefined, { quiet: true })).open
    } catch {
      openOrders.value = 0
    }
  }
  watch(houses, (list) => void load(list))
  return { owed, openOrders }
}
