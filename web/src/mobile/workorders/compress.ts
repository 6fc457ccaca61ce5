// Phone photos are several MB; the server takes ≤ 4 MiB. Each photo is redrawn on a canvas with
// its longer side at most 1600 px and encoded as JPEG at quality 0.8 (≈ 200–500 KB).
export const MAX_SIDE = 1600
export const QUALITY = 0.8

/** The image as a JPEG Blob no larger than MAX_SIDE on either side. */
export async function compressImage(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file)
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height))
    const w = Math.max(1, Math.round(bitmap.width * scale))
    const h = Math.max(1, Math.round(bitmap.height * scale))
    const canvas = document.createElement('canvas')
    canvas.width = w
    canvas.height = h
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('canvas 2d unavailable')
    ctx.fillStyle = '#fff' // a transparent PNG becomes white, not black, as JPEG
    ctx.fillRect(0, 0, w, h)
    ctx.drawImage(bitmap, 0, 0, w, h)
    return await canvasBlob(canvas, 'image/jpeg', QUALITY)
  } finally {
    bitmap.close()
  }
}

export function canvasBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas encoding failed'))), type, quality)
  })
}
