// 消息 (owner): my in-app messages, newest first; tapping an unread one marks it read. The
// count also feeds the 消息 tab's badge (owner/unread.ts).
import { onMounted, ref } from 'vue'
import * as api from '@/api/reminders'
import { unreadMessages } from '@/owner/unread'

export function useMyMessages() {
  const items = ref<api.Message[]>([])
  const unread = ref(0)
  const loading = ref(true)
  const failed = ref(false)
  async function load() {
    loading.value = true
    failed.value = false
    try {
      const r = await api.listMessages()
      items.value = r.items
      unread.value = r.unread
      unreadMessages.value = r.unread
    } catch {
      failed.value = true
    } finally {
      loading.value = false
    }
  }
  async function open(m: api.Message) {
    if (m.read) return
    try {
      Object.assign(m, await api.markRead(m.id))
      unread.value = Math.max(0, unread.value - 1)
      unreadMessages.value = unread.value
    } catch {
      /* shown */
    }
  }
  onMounted(load)
  return { items, unread, loading, failed, load, open }
}
