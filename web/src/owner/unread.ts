// The owner's unread message count, shown as a badge on the 消息 tab. One shared ref: the
// layout refreshes it whenever a tab page opens (GET /api/v1/messages?size=1 answers `unread`),
// and the messages page sets it after its own load and after marking a message read.
import { ref } from 'vue'
import { listMessages } from '@/api/reminders'

export const unreadMessages = ref(0)

export async function refreshUnread(): Promise<void> {
  try {
    unreadMessages.value = (await listMessages(1, 1)).unread
  } catch {
    /* the badge stays as it was; the page shows its own errors */
  }
}
