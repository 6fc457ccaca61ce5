// v-perm="'property:house:write'" or v-perm="['a', 'b']" (any of them): hides the element
// when the caller does not hold the code. The server still checks every request.
import type { Directive, DirectiveBinding } from 'vue'
import { useSessionStore } from '@/stores/session'

function apply(el: HTMLElement, binding: DirectiveBinding<string | string[]>) {
  const allowed = useSessionStore().can(binding.value)
  if (!allowed) {
    if (el.dataset.permDisplay === undefined) el.dataset.permDisplay = el.style.display
    el.style.display = 'none'
  } else if (el.dataset.permDisplay !== undefined) {
    el.style.display = el.dataset.permDisplay
    delete el.dataset.permDisplay
  }
}

export const vPerm: Directive<HTMLElement, string | string[]> = {
  mounted: apply,
  updated: apply,
}
