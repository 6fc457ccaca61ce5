// Photos for a report or a completion: the van-uploader list, each photo compressed
// (compress.ts) and uploaded as soon as it is picked; `ids()` are the uploaded files'
// ids for the order. A failed upload stays in the list marked failed (and is not sent).
import { computed, reactive, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { UploaderFileListItem } from 'vant'
import { uploadFile } from '@/api/workorders'
import { errorText } from '@/api/request'
import { compressImage } from './compress'

export const MAX_PHOTOS = 6

export function usePhotoUpload() {
  const { t } = useI18n()
  const files = ref<UploaderFileListItem[]>([])
  const uploaded = new WeakMap<File, number>()

  async function upload(picked: UploaderFileListItem) {
    // Vant hands over the raw item; its reactive twin re-renders the preview on change.
    const item = reactive(picked)
    if (!item.file) return
    item.status = 'uploading'
    item.message = t('woMobile.compressing')
    try {
      const file = await uploadFile(await compressImage(item.file))
      uploaded.set(item.file, file.id)
      item.status = 'done'
      item.message = ''
    } catch (e) {
      item.status = 'failed'
      item.message = t('woMobile.uploadFailed', { msg: errorText(e) })
    }
  }
  /** van-uploader's after-read: one item or several (multiple pick). */
  async function afterRead(items: UploaderFileListItem | UploaderFileListItem[]) {
    await Promise.all((Array.isArray(items) ? items : [items]).map(upload))
  }
  const busy = computed(() => files.value.some((f) => f.status === 'uploading'))
  const ids = () => files.value.flatMap((f) => (f.file && uploaded.has(f.file) ? [uploaded.get(f.file)!] : []))
  function reset() {
    files.value = []
  }
  return { files, afterRead, busy, ids, reset }
}
