// The Compare screen's state: what is being compared (read from the address), the engine's answer,
// and an export in progress. Every answer is checked against the request it belongs to, so a slow
// answer for an earlier pair never replaces the one on screen.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import type { ExportedFile, ResultOf } from '@contract'
import { ApiError, call } from '../api/client'
import { saveExportedFile } from '../download'

export type Comparison = ResultOf<'compare.pair'>
export type CoverageTable = ResultOf<'compare.many'>
export type ExportFormat = 'html' | 'pdf'
type Job = ResultOf<'jobs.get'>

/** What the address asks to compare. */
export type CompareRequest =
  | { kind: 'none' }
  | { kind: 'invalid' }
  | { kind: 'pair'; a: number; b: number }
  | { kind: 'many'; base: number; others: number[] }

/** As many as the engine takes at once (MAX_COMPARE_OTHERS in the contract). */
const MAX_OTHERS = 20
export const JOB_POLL_MS = 300

const articleId = (s: string): number | null => (/^\d{1,12}$/.test(s.trim()) && Number(s) > 0 ? Number(s) : null)

/** Reads `?a=&b=` or `?base=&others=1,2,3` (as strings, from the router). */
export function parseCompareQuery(q: { a?: string; b?: string; base?: string; others?: string }): CompareRequest {
  if (q.a || q.b) {
    const a = articleId(q.a ?? '')
    const b = articleId(q.b ?? '')
    return a !== null && b !== null && a !== b ? { kind: 'pair', a, b } : { kind: 'invalid' }
  }
  if (q.base || q.others) {
    const base = articleId(q.base ?? '')
    const others = (q.others ?? '').split(',').filter((s) => s.trim()).map(articleId)
    if (base === null || others.length === 0 || others.some((o) => o === null)) return { kind: 'invalid' }
    const distinct = [...new Set(others as number[])].filter((o) => o !== base).slice(0, MAX_OTHERS)
    return distinct.length ? { kind: 'many', base, others: distinct } : { kind: 'invalid' }
  }
  return { kind: 'none' }
}

/** Where picking these articles leads: two side by side, more as the first against the rest. */
export function compareRoute(ids: readonly number[]): RouteLocationRaw | null {
  if (ids.length < 2) return null
  if (ids.length === 2) return pairRoute(ids[0]!, ids[1]!)
  return { name: 'compare', query: { base: String(ids[0]), others: ids.slice(1, MAX_OTHERS + 1).join(',') } }
}

export const pairRoute = (a: number, b: number): RouteLocationRaw => ({ name: 'compare', query: { a: String(a), b: String(b) } })

const sameRequest = (x: CompareRequest, y: CompareRequest) => JSON.stringify(x) === JSON.stringify(y)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export const useCompareStore = defineStore('compare', () => {
  const request = shallowRef<CompareRequest>({ kind: 'none' })
  /** The answer for `request` (frozen data: no deep reactivity). */
  const pair = shallowRef<Comparison | null>(null)
  const table = shallowRef<CoverageTable | null>(null)
  const loading = ref(false)
  const error = ref<Error | null>(null)

  let ticket = 0
  /** Shows what `next` asks for; the answer already on screen is kept when it is the same request. */
  async function load(next: CompareRequest, force = false): Promise<void> {
    if (!force && sameRequest(next, request.value) && (pair.value || table.value || loading.value)) return
    const mine = ++ticket
    request.value = next
    pair.value = null
    table.value = null
    error.value = null
    if (next.kind !== 'pair' && next.kind !== 'many') {
      loading.value = false
      return
    }
    loading.value = true
    try {
      if (next.kind === 'pair') {
        const answer = await call('compare.pair', { a: next.a, b: next.b })
        if (mine === ticket) pair.value = Object.freeze(answer)
      } else {
        const answer = await call('compare.many', { base: next.base, others: next.others })
        if (mine === ticket) table.value = Object.freeze(answer)
      }
    } catch (e) {
      if (mine === ticket) error.value = e as Error
    } finally {
      if (mine === ticket) loading.value = false
    }
  }

  const retry = () => load(request.value, true)

  // ---- exporting the pair on screen ------------------------------------------------------------------

  /** The export job while it runs (its progress), null otherwise. */
  const exportJob = ref<Job | null>(null)
  const exportFormat = ref<ExportFormat | null>(null)
  /** The format of the last export asked for (Retry asks for it again). */
  const lastExportFormat = ref<ExportFormat | null>(null)
  const exportError = ref<Error | null>(null)
  /** What the last export ended with, to say so: the saved file's name, or that it was cancelled. */
  const exportOutcome = ref<{ kind: 'saved'; fileName: string } | { kind: 'cancelled' } | null>(null)

  /** Exports the pair on screen as a job, follows its progress, then hands the file to the user. */
  async function exportPair(format: ExportFormat, save: (file: ExportedFile) => void = saveExportedFile): Promise<void> {
    const req = request.value
    if (req.kind !== 'pair' || exportJob.value) return
    exportFormat.value = format
    lastExportFormat.value = format
    exportError.value = null
    exportOutcome.value = null
    try {
      let job: Job = await call('compare.export', { a: req.a, b: req.b, format })
      exportJob.value = job
      while (job.state === 'running') {
        await sleep(JOB_POLL_MS)
        job = await call('jobs.get', { id: job.id })
        exportJob.value = job
      }
      if (job.state === 'done' && job.result) {
        const file = job.result as ExportedFile
        save(file)
        exportOutcome.value = { kind: 'saved', fileName: file.fileName }
      } else if (job.state === 'cancelled') exportOutcome.value = { kind: 'cancelled' }
      else exportError.value = new ApiError(job.error ?? { code: 'internal', message: 'The export failed.' })
    } catch (e) {
      exportError.value = e as Error
    } finally {
      exportJob.value = null
      exportFormat.value = null
    }
  }

  async function cancelExport(): Promise<void> {
    const job = exportJob.value
    if (!job) return
    try {
      await call('jobs.cancel', { id: job.id })
    } catch (e) {
      exportError.value = e as Error
    }
  }

  return { request, pair, table, loading, error, load, retry, exportJob, exportFormat, lastExportFormat, exportError, exportOutcome, exportPair, cancelExport }
})
