// The Import screen's state: what the person chose (files sent from the window, or a path on this
// computer), the mapping of table and JSON fields, the running import (a job polled for progress),
// its report, and the batch history with undo.
//
// Files chosen in the window are sent in calls of at most UPLOAD_CALL_BYTES (the engine stages
// them; the HTTP server refuses bodies over 8 MiB), small files several to a call.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ResultOf } from '@contract'
import type { BatchDetail, BatchSummary, FilePreview, ImportPreview, ImportReport } from '../../../src-main/api/contracts/import'
import type { JobInfo } from '../../../src-main/core/jobs'
import type { FieldMap } from '../../../src-main/core/import/formats'
import { call } from '../api/client'
import { useSettingsStore } from './settings'

export type { BatchDetail, BatchSummary, FilePreview, ImportPreview, ImportReport, FieldMap }
export type ArticleField = keyof FieldMap
export const ARTICLE_FIELDS: readonly ArticleField[] = ['title', 'body', 'date', 'source', 'author', 'url']

export const UPLOAD_CALL_BYTES = 512 * 1024
export const UPLOAD_CALL_FILES = 100
export const POLL_MS = 250

/** A file chosen in the window, with its path relative to what was chosen (`folder/sub/a.txt`). */
export interface PickedFile {
  path: string
  file: Blob
}

export type ImportPhase = 'idle' | 'uploading' | 'ready' | 'importing' | 'finished'

/** Bytes → base64 without blowing the argument limit of String.fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}

/** Paths made unique (two dropped files of the same name keep both), hidden files left out as the import does. */
export function uniquePaths(files: PickedFile[]): PickedFile[] {
  const seen = new Set<string>()
  const out: PickedFile[] = []
  for (const f of files) {
    const path = f.path.replace(/^\/+/, '')
    if (!path || path.split('/').some((s) => s.startsWith('.'))) continue
    let candidate = path
    for (let n = 2; seen.has(candidate); n++) candidate = path.replace(/(\.[^./]*)?$/, (ext) => ` (${n})${ext}`)
    seen.add(candidate)
    out.push({ path: candidate, file: f.file })
  }
  return out
}

/** A short name for the batch: the folder's name, or the file's, or the first file's and how many more. */
export function labelFor(files: PickedFile[]): string {
  const tops = [...new Set(files.map((f) => f.path.split('/')[0]!))]
  return tops.length === 1 ? tops[0]! : `${tops[0]} +${tops.length - 1}`
}

export const useImportStore = defineStore('import', () => {
  const phase = ref<ImportPhase>('idle')
  const uploadId = ref<string | null>(null)
  const paths = ref<string[] | null>(null)
  const label = ref('')
  const fileCount = ref(0)
  const upload = ref({ sent: 0, total: 0 })
  const preview = shallowRef<ImportPreview | null>(null)
  /** The person's choices; empty = automatic. */
  const map = ref<FieldMap>({})
  const job = shallowRef<JobInfo | null>(null)
  const report = shallowRef<ImportReport | null>(null)
  /** The per-file outcomes shown: the finished import's, or a batch opened from the history. */
  const detail = shallowRef<BatchDetail | null>(null)
  const batches = shallowRef<BatchSummary[]>([])
  const error = shallowRef<Error | null>(null)
  let uploadCancelled = false

  const busy = computed(() => phase.value === 'uploading' || phase.value === 'importing')
  const progress = computed(() => job.value?.progress ?? null)

  async function discardUpload(): Promise<void> {
    const id = uploadId.value
    uploadId.value = null
    if (id) await call('import.discard', { uploadId: id }).catch(() => {})
  }

  /** Back to the start (a staged upload that was not imported is thrown away). */
  async function reset(): Promise<void> {
    if (phase.value === 'ready') await discardUpload()
    uploadId.value = null
    paths.value = null
    preview.value = null
    map.value = {}
    job.value = null
    report.value = null
    error.value = null
    upload.value = { sent: 0, total: 0 }
    phase.value = 'idle'
  }

  /** Sends chosen files to the engine, then previews their tables. */
  async function chooseFiles(picked: PickedFile[], name?: string): Promise<void> {
    if (busy.value) return
    await reset()
    const files = uniquePaths(picked)
    if (files.length === 0) return
    label.value = name ?? labelFor(files)
    fileCount.value = files.length
    upload.value = { sent: 0, total: files.reduce((n, f) => n + f.file.size, 0) }
    phase.value = 'uploading'
    uploadCancelled = false
    try {
      let batch: { path: string; base64: string; append: boolean }[] = []
      let batchBytes = 0
      const flush = async () => {
        if (batch.length === 0) return
        if (uploadCancelled) throw new UploadCancelled()
        const res = await call('import.upload', { ...(uploadId.value ? { uploadId: uploadId.value } : {}), files: batch })
        uploadId.value = res.uploadId
        upload.value = { ...upload.value, sent: upload.value.sent + batchBytes }
        batch = []
        batchBytes = 0
      }
      for (const f of files) {
        // An empty file is still sent: the import reports it.
        for (let start = 0; start === 0 || start < f.file.size; start += UPLOAD_CALL_BYTES) {
          const piece = f.file.slice(start, start + UPLOAD_CALL_BYTES)
          if (batchBytes + piece.size > UPLOAD_CALL_BYTES || batch.length >= UPLOAD_CALL_FILES) await flush()
          batch.push({ path: f.path, base64: toBase64(new Uint8Array(await piece.arrayBuffer())), append: start > 0 })
          batchBytes += piece.size
          if (f.file.size === 0) break
        }
      }
      await flush()
      if (uploadCancelled) throw new UploadCancelled()
      await loadPreview()
      phase.value = 'ready'
    } catch (e) {
      await discardUpload()
      phase.value = 'idle'
      if (!(e instanceof UploadCancelled)) error.value = e as Error
    }
  }

  /** A file or folder on this computer, typed by the person. */
  async function choosePaths(typed: string[]): Promise<void> {
    if (busy.value) return
    await reset()
    const list = typed.map((p) => p.trim()).filter(Boolean)
    if (list.length === 0) return
    paths.value = list
    label.value = list.map((p) => p.replace(/[\\/]+$/, '').split(/[\\/]/).pop() || p).join(', ')
    fileCount.value = 0
    try {
      await loadPreview()
      phase.value = 'ready'
    } catch (e) {
      paths.value = null
      error.value = e as Error
    }
  }

  const source = () => (uploadId.value ? { uploadId: uploadId.value } : paths.value ? { paths: paths.value } : null)
  const chosenMap = () => (Object.keys(map.value).length ? { map: { ...map.value } } : {})

  async function loadPreview(): Promise<void> {
    const from = source()
    preview.value = from ? await call('import.preview', { ...from, ...chosenMap() }) : null
  }

  /** Corrects which column feeds a field ('' = none) and shows the rows again as they will be read. */
  async function setMapping(field: ArticleField, column: string): Promise<void> {
    // Start from what is in effect now, so one correction does not undo the automatic choices of the others.
    const current = preview.value?.files.find((f) => !f.error || f.columns.length)?.map ?? {}
    const next: FieldMap = {}
    for (const f of ARTICLE_FIELDS) next[f] = map.value[f] ?? current[f] ?? ''
    next[field] = column
    map.value = next
    try {
      await loadPreview()
    } catch (e) {
      error.value = e as Error
    }
  }

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

  /** Runs the import and follows it to its end. */
  async function start(): Promise<void> {
    const from = source()
    if (!from || phase.value !== 'ready') return
    await follow(async () => {
      const info = await call('import.start', { ...from, ...chosenMap(), label: label.value || undefined })
      uploadId.value = null // the engine owns (and removes) the staging now
      return info
    })
  }

  /** Goes on with an interrupted or cancelled batch, followed like a new import. */
  async function resume(id: number): Promise<void> {
    if (busy.value) return
    await reset()
    await follow(() => call('import.resume', { id }))
  }

  async function follow(begin: () => Promise<JobInfo>): Promise<void> {
    error.value = null
    report.value = null
    phase.value = 'importing'
    try {
      let info = await begin()
      job.value = info
      while (info.state === 'running') {
        await sleep(POLL_MS)
        info = await call('jobs.get', { id: info.id })
        job.value = info
      }
      if (info.error && info.state === 'failed') throw Object.assign(new Error(info.error.message), { code: info.error.code })
      report.value = info.result as ImportReport | null
      if (report.value) detail.value = await call('import.batch', { id: report.value.batchId })
    } catch (e) {
      error.value = e as Error
    } finally {
      phase.value = 'finished'
      await Promise.all([loadBatches(), useSettingsStore().load()]).catch(() => {})
    }
  }

  /** Stops the upload or the import; the import keeps what it has done, as a cancelled batch. */
  async function cancel(): Promise<void> {
    if (phase.value === 'uploading') uploadCancelled = true
    else if (phase.value === 'importing' && job.value) job.value = await call('jobs.cancel', { id: job.value.id })
  }

  async function loadBatches(): Promise<void> {
    batches.value = await call('import.batches')
  }

  async function openBatch(id: number): Promise<void> {
    detail.value = await call('import.batch', { id })
  }

  async function undo(id: number): Promise<ResultOf<'import.undo'>> {
    const res = await call('import.undo', { id })
    await Promise.all([loadBatches(), useSettingsStore().load()])
    if (detail.value?.id === id) detail.value = await call('import.batch', { id })
    return res
  }

  return {
    phase, uploadId, paths, label, fileCount, upload, preview, map, job, report, detail, batches, error, busy, progress,
    reset, chooseFiles, choosePaths, setMapping, start, resume, cancel, loadBatches, openBatch, undo,
  }
})

class UploadCancelled extends Error {}
