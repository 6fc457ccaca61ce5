// A clock for "time left" badges and countdowns: ticks every `everyMs` (30 s unless told)
// while the component lives.
import { onBeforeUnmount, onMounted, ref } from 'vue'

export function useNow(everyMs = 30000) {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => { timer = setInterval(() => (now.value = Date.now()), everyMs) })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
