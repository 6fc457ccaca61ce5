import { useRouter } from 'vue-router'

/** The nav bar's back arrow: back in history when the page was reached from within the app,
 *  otherwise (opened by a link or a reload) to `fallback`. */
export function useBack(fallback: string) {
  const router = useRouter()
  return function back() {
    if (window.history.state?.back) router.back()
    else void router.replace(fallback)
  }
}
