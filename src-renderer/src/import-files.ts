// Files dropped on the window or picked with a file input, as paths relative to what was chosen.
// A dropped folder is walked with the File and Directory Entries API (webkitGetAsEntry), which
// every Chromium (so Electron) supports.
import type { PickedFile } from './stores/import'

/** The entries of a drop; must be called during the drop event (the items expire after it). */
export function droppedEntries(dt: DataTransfer | null): { entries: FileSystemEntry[]; files: File[] } {
  const entries: FileSystemEntry[] = []
  const files: File[] = []
  if (!dt) return { entries, files }
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue
    const entry = item.webkitGetAsEntry?.()
    if (entry) entries.push(entry)
    else {
      const f = item.getAsFile()
      if (f) files.push(f)
    }
  }
  if (entries.length === 0 && files.length === 0) files.push(...Array.from(dt.files ?? []))
  return { entries, files }
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject))
const readBatch = (reader: FileSystemDirectoryReader) => new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))

/** Every file under the dropped entries, folders walked recursively. */
export async function filesOfEntries(entries: FileSystemEntry[]): Promise<PickedFile[]> {
  const out: PickedFile[] = []
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (entry.isFile) out.push({ path: entry.fullPath.replace(/^\/+/, ''), file: await fileOf(entry as FileSystemFileEntry) })
    else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      // readEntries answers in batches (100 at a time in Chromium) until an empty one.
      for (let batch = await readBatch(reader); batch.length; batch = await readBatch(reader)) {
        for (const e of batch) await walk(e)
      }
    }
  }
  for (const e of entries) await walk(e)
  return out
}

/** Files from `<input type=file>`: with `webkitdirectory` each carries its path inside the folder. */
export function filesOfInput(list: FileList | null): PickedFile[] {
  return Array.from(list ?? []).map((file) => ({ path: file.webkitRelativePath || file.name, file }))
}

export function formatBytes(n: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let i = 0
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024
    i++
  }
  return new Intl.NumberFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en', { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 }).format(n)
}

export function formatDuration(seconds: number, locale: string): string {
  const loc = locale === 'ar' ? 'ar-u-nu-latn' : 'en'
  if (seconds < 60) return new Intl.NumberFormat(loc, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(Math.max(1, Math.round(seconds)))
  if (seconds < 3600) return new Intl.NumberFormat(loc, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(Math.round(seconds / 60))
  return new Intl.NumberFormat(loc, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 }).format(seconds / 3600)
}

/**
 * Files dropped on the window in any other view are imported too: the app opens the Import view
 * with them. (The Import view handles drops itself while it is open.)
 */
export function installWindowDrop(isImportViewOpen: () => boolean, openImportView: () => void, take: (files: PickedFile[]) => void): () => void {
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')
  const onDragOver = (e: DragEvent) => {
    if (hasFiles(e) && !isImportViewOpen()) e.preventDefault()
  }
  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e) || isImportViewOpen()) return
    e.preventDefault()
    const { entries, files } = droppedEntries(e.dataTransfer)
    openImportView()
    void filesOfEntries(entries).then((all) => {
      const picked = [...all, ...files.map((file) => ({ path: file.name, file }))]
      if (picked.length) take(picked)
    })
  }
  window.addEventListener('dragover', onDragOver)
  window.addEventListener('drop', onDrop)
  return () => {
    window.removeEventListener('dragover', onDragOver)
    window.removeEventListener('drop', onDrop)
  }
}
