// What the owner's and the staff's order pages share: the live order (useLiveOrder), whether
// an action is offered now (the order's `actions` drive the buttons), the fees together, and
// the back arrow to the page's own list.
import { computed } from 'vue'
import type { WoAction } from '@/api/workorders'
import { useBack } from '@/mobile/useBack'
import { useLiveOrder } from './useLiveOrder'

export function useOrderDetail(id: number, listPath: string) {
  const live = useLiveOrder(id)
  const { order } = live
  const can = (a: WoAction) => order.value?.actions.includes(a) ?? false
  /** Labour plus materials, in 分. */
  const fees = computed(() => (order.value ? order.value.labour_fee + order.value.material_fee : 0))
  return { ...live, can, fees, back: useBack(listPath) }
}
