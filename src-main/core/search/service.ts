// The search service as the rest of the app sees it: the index lives in worker threads, one per
// segment of the archive (see merge.ts), and every call is a promise. Status and progress are
// readable at any time for the UI's progress bar.
import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { AppError } from '../errors'
import { workerScript } from '../worker-script'
import { mergeOutcomes, type MergedOutcome, type SegmentOutcome } from './merge'
import type { SearchHitView, SearchPage, SearchPageRequest } from './searcher'
import type { SearchStatus, SerializedRequest, WorkerInit, WorkerReply, WorkerRequest } from './protocol'

type Pending = { resolve: (v: any) => void; reject: (e: Error) => void }
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

export interface SearchServiceOptions {
  archiveDir: string
  /** The worker's script (default: the bundled file beside the built engine, else the TypeScript source). */
  workerUrl?: URL
  /** How many index segments (worker threads); default: one per core, at most 4. */
  segments?: number
  onStatus?: (s: SearchStatus) => void
}

/** The worker's script: `search-worker.js` beside the built engine, else the TypeScript source. */
const searchWorkerUrl = (): URL => workerScript('search-worker.js', new URL('./worker-from-source.mjs', import.meta.url))

export const defaultSegments = (): number => Math.max(1, Math.min(4, availableParallelism()))

/** One worker thread holding one segment of the index. */
class SegmentWorker {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  status: SearchStatus = { state: 'starting', done: 0, total: 0, documents: 0 }
  readonly ready: Promise<void>

  constructor(url: URL, init: WorkerInit, onStatus: () => void) {
    // A young generation a little roomier than the default: a query makes many short-lived maps,
    // and promoting them means pauses for the whole index (measured: p95 at 90k articles, when
    // postings were Maps). Not much roomier: every worker keeps it all committed, and while an
    // import runs that memory adds up (192 MB made SaudiNewsNet's import peak at 1.1 GB, 64 at 0.97).
    this.worker = new Worker(url, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: 64 } })
    this.worker.unref()
    let markReady: () => void
    let markFailed: (e: Error) => void
    this.ready = new Promise((res, rej) => ((markReady = res), (markFailed = rej)))
    this.ready.catch(() => {}) // failures surface through calls and status
    this.worker.on('message', (m: WorkerReply) => {
      if ('type' in m) {
        if (m.type === 'progress') this.status = { ...this.status, state: m.progress.phase, done: m.progress.done, total: m.progress.total }
        else if (m.type === 'ready') {
          this.status = { ...this.status, state: 'ready', documents: m.documents, done: this.status.total }
          markReady()
        } else if (m.type === 'failed') {
          this.status = { ...this.status, state: 'failed', error: m.message }
          markFailed(new AppError('internal', `The search index could not be opened: ${m.message}`))
        }
        onStatus()
        return
      }
      const p = this.pending.get(m.id)
      if (!p) return
      this.pending.delete(m.id)
      if (m.ok) p.resolve(m.value)
      else p.reject(new AppError(m.error.code as never, m.error.message))
    })
    this.worker.on('error', (e) => {
      this.status = { ...this.status, state: 'failed', error: e.message }
      markFailed(e)
      for (const p of this.pending.values()) p.reject(new AppError('internal', `The search worker stopped: ${e.message}`))
      this.pending.clear()
      onStatus()
    })
  }

  request<T>(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.ref() // keep the process alive while an answer is due
      this.worker.postMessage({ ...req, id })
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref()
    })
  }

  close(): Promise<number> {
    return this.worker.terminate()
  }
}

export class SearchService {
  private readonly workers: SegmentWorker[]
  /** The last query's merged outcome, for paging through it (briefly: the archive may change). */
  private lastQuery: { key: string; at: number; outcome: MergedOutcome } | null = null
  readonly ready: Promise<void>

  constructor(opts: SearchServiceOptions) {
    const count = opts.segments ?? defaultSegments()
    const onStatus = () => opts.onStatus?.(this.status)
    this.workers = Array.from({ length: count }, (_, index) => new SegmentWorker(opts.workerUrl ?? searchWorkerUrl(), { archiveDir: opts.archiveDir, segment: { index, count } }, onStatus))
    this.ready = Promise.all(this.workers.map((w) => w.ready)).then(() => {})
    this.ready.catch(() => {})
  }

  /** All the segments in one: failed if one failed, ready when all are, progress added up. */
  get status(): SearchStatus {
    const all = this.workers.map((w) => w.status)
    const failed = all.find((s) => s.state === 'failed')
    if (failed) return { ...failed, done: 0, total: 0, documents: 0 }
    const ORDER: SearchStatus['state'][] = ['starting', 'loading', 'building', 'saving', 'ready']
    const state = all.map((s) => s.state).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[0] ?? 'starting'
    const sum = (k: 'done' | 'total' | 'documents') => all.reduce((n, s) => n + s[k], 0)
    return { state, done: sum('done'), total: sum('total'), documents: sum('documents') }
  }

  async query(req: SearchPageRequest): Promise<SearchPage> {
    const started = performance.now()
    const { filters, offset = 0, limit = 20, ...rest } = req
    const request: SerializedRequest = { ...rest, filters: filters && { ...filters, ids: filters.ids && [...filters.ids] } }
    const key = JSON.stringify(request)
    let outcome = this.lastQuery?.key === key && started - this.lastQuery.at < 30_000 ? this.lastQuery.outcome : null
    if (!outcome) {
      const parts = await Promise.all(this.workers.map((w) => w.request<SegmentOutcome>({ type: 'outcome', request })))
      outcome = mergeOutcomes(parts, req.sort)
      this.lastQuery = { key, at: started, outcome }
    }
    const slice = outcome.hits.slice(offset, offset + limit)
    const hits = slice.length ? await this.workers[0]!.request<SearchHitView[]>({ type: 'hydrate', hits: slice, terms: outcome.terms }) : []
    return { total: outcome.hits.length, complete: outcome.complete, offset, hits, facets: outcome.facets, terms: outcome.terms, tookMs: Math.round((performance.now() - started) * 10) / 10 }
  }

  /** The ids of a query's best hits, without making their snippets ("more like this" rescoring reads the texts itself). */
  async topIds(req: Omit<SearchPageRequest, 'offset' | 'limit' | 'filters'>, limit: number): Promise<number[]> {
    const request: SerializedRequest = { ...req }
    const parts = await Promise.all(this.workers.map((w) => w.request<SegmentOutcome>({ type: 'outcome', request })))
    return mergeOutcomes(parts, req.sort).hits.slice(0, limit).map((h) => h.id)
  }

  /** Brings the index in step after articles were added, edited or removed (each segment takes its own). */
  async update(changed: number[], removed: number[] = []): Promise<void> {
    this.lastQuery = null
    await Promise.all(this.workers.map((w) => w.request({ type: 'update', changed, removed })))
  }

  /**
   * Indexes everything committed to the archive so far and saves the snapshot (after an import, so
   * that the next start loads the index instead of building it). Resolves to the documents indexed.
   */
  async sync(): Promise<number> {
    this.lastQuery = null
    return (await Promise.all(this.workers.map((w) => w.request<number>({ type: 'sync' })))).reduce((a, b) => a + b, 0)
  }

  async rebuild(): Promise<void> {
    this.lastQuery = null
    await Promise.all(this.workers.map((w) => w.request({ type: 'rebuild' })))
  }

  async suggest(prefix: string, limit = 8): Promise<string[]> {
    const lists = await Promise.all(this.workers.map((w) => w.request<string[]>({ type: 'suggest', prefix, limit })))
    // Take from each segment in turn, so the first suggestions of every segment come first.
    const words: string[] = []
    for (let i = 0; words.length < limit && lists.some((l) => i < l.length); i++) for (const l of lists) if (l[i] && !words.includes(l[i]!) && words.length < limit) words.push(l[i]!)
    return words
  }

  /** Memory the index workers' indexes take together, heap and typed arrays (for benchmarks). */
  async heapUsed(): Promise<number> {
    return (await Promise.all(this.workers.map((w) => w.request<number>({ type: 'heap' })))).reduce((a, b) => a + b, 0)
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()))
  }
}
