// Saves a file the engine made (an export) the way the browser or the desktop window saves a
// download: the engine returns the bytes, the renderer hands them to the user.
import type { ExportedFile } from '@contract'

export function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function saveExportedFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([decodeBase64(file.base64) as BlobPart], { type: file.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
