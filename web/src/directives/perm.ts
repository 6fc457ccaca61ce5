// v-perm="'property:house:write'" or v-perm="['a', 'b']" (any of them): hides the element
// when the caller does not hold the code. The server still checks every request.
import type { Directive, DirectiveBinding } from 'vue'
import type { PermissionCode } from '@/generated/permissions'
import { useSessionStore } from '@/stores/session'

function apply(el: HTMLElement, binding: DirectiveBinding<PermissionCode | PermissionCode[]>) {
  const allowed = useSessionStore().can(binding.value)
  if (!allowed) {
    if (el.dataset.permDisplay === undefined) el.dataset.permDisplay = el.style.display
    el.style.display = 'none'
  } else if (el.dataset.permDisplay !== undefined) {
    el.style.display = el.dataset.permDisplay
    delete el.dataset.permDisplay
  }
}

export const vPerm: Directive<HTMLElement, PermissionCode | PermissionCode[]> = {
  mounted: apply,
  updated: apply,
}

// Templates type-check `v-perm` values against the catalogue too.
declare module 'vue' {
  interface GlobalDirectives {
    vPerm: typeof vPerm
  }
}
