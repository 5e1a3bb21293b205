// The search service as the rest of the app sees it: the index lives in a worker thread, and every
// call is a promise. Status and progress are readable at any time for the UI's progress bar.
import { Worker } from 'node:worker_threads'
import { AppError } from '../errors'
import type { SearchPage, SearchPageRequest } from './searcher'
import type { SearchStatus, SerializedRequest, WorkerInit, WorkerReply, WorkerRequest } from './protocol'

type Pending = { resolve: (v: any) => void; reject: (e: Error) => void }
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

export interface SearchServiceOptions {
  archiveDir: string
  /** The worker's script: the bundled file in Electron, the TypeScript source under tsx. */
  workerUrl?: URL
  onStatus?: (s: SearchStatus) => void
}

const SOURCE_WORKER = new URL('./worker-from-source.mjs', import.meta.url)

export class SearchService {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private current: SearchStatus = { state: 'starting', done: 0, total: 0, documents: 0 }
  readonly ready: Promise<void>

  constructor(opts: SearchServiceOptions) {
    this.worker = new Worker(opts.workerUrl ?? SOURCE_WORKER, { workerData: { archiveDir: opts.archiveDir } satisfies WorkerInit })
    this.worker.unref()
    let markReady: () => void
    let markFailed: (e: Error) => void
    this.ready = new Promise((res, rej) => ((markReady = res), (markFailed = rej)))
    this.ready.catch(() => {}) // failures surface through calls and status
    this.worker.on('message', (m: WorkerReply) => {
      if ('type' in m) {
        if (m.type === 'progress') this.current = { ...this.current, state: m.progress.phase, done: m.progress.done, total: m.progress.total }
        else if (m.type === 'ready') {
          this.current = { ...this.current, state: 'ready', documents: m.documents }
          markReady()
        } else if (m.type === 'failed') {
          this.current = { ...this.current, state: 'failed', error: m.message }
          markFailed(new AppError('internal', `The search index could not be opened: ${m.message}`))
        }
        opts.onStatus?.(this.current)
        return
      }
      const p = this.pending.get(m.id)
      if (!p) return
      this.pending.delete(m.id)
      if (m.ok) p.resolve(m.value)
      else p.reject(new AppError(m.error.code === 'internal' ? 'internal' : (m.error.code as never), m.error.message))
    })
    this.worker.on('error', (e) => {
      this.current = { ...this.current, state: 'failed', error: e.message }
      markFailed(e)
      for (const p of this.pending.values()) p.reject(new AppError('internal', `The search worker stopped: ${e.message}`))
      this.pending.clear()
    })
  }

  get status(): SearchStatus {
    return this.current
  }

  private request<T>(req: DistributiveOmit<WorkerRequest, 'id'>): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.ref() // keep the process alive while an answer is due
      this.worker.postMessage({ ...req, id })
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref()
    })
  }

  query(req: SearchPageRequest): Promise<SearchPage> {
    const { filters, ...rest } = req
    const request: SerializedRequest = { ...rest, filters: filters && { ...filters, ids: filters.ids && [...filters.ids] } }
    return this.request({ type: 'query', request })
  }

  update(changed: number[], removed: number[] = []): Promise<void> {
    return this.request({ type: 'update', changed, removed })
  }

  rebuild(): Promise<void> {
    return this.request({ type: 'rebuild' })
  }

  suggest(prefix: string, limit = 8): Promise<string[]> {
    return this.request({ type: 'suggest', prefix, limit })
  }

  async close(): Promise<void> {
    await this.worker.terminate()
  }
}
