// A reader thread that works ahead of the import: it reads, parses and prepares units
// (./read-units.ts) on the second core while the import thread writes the ones before them into
// SQLite. Events come back in order, a chunk at a time; at most MAX_CHUNKS_AHEAD chunks wait
// unwritten, so memory stays bounded however far ahead the reader could run.
import { Worker } from 'node:worker_threads'
import { workerScript } from '../worker-script'
import type { FieldMap } from './formats'
import type { ReadEvent } from './read-units'
import type { ZipLimits } from './zip'

export interface ReaderInit {
  files: string[]
  root: string
  done: string[]
  fieldMap?: FieldMap
  zipLimits: ZipLimits
}

export type ReaderMessage =
  | { type: 'events'; events: ReadEvent[]; finished?: boolean }
  | { type: 'error'; message: string }

/** Chunks handed over but not yet taken by the import thread, before the reader waits. */
export const MAX_CHUNKS_AHEAD = 2

/** The worker's script: bundled beside the engine (electron.vite.config.ts), or from source through tsx. */
const readerWorkerUrl = (): URL => workerScript('import-reader.js', new URL('./reader-from-source.mjs', import.meta.url))

/**
 * The reader thread's events, chunk by chunk, in order. `finished` says whether the reader got to
 * the end of the files (false after stop()). Call stop() to end it early (a cancel).
 */
export class ReaderThread {
  private readonly worker: Worker
  private readonly queue: ReaderMessage[] = []
  private wake: (() => void) | null = null
  private failure: Error | null = null
  private ended = false

  constructor(init: ReaderInit) {
    this.worker = new Worker(readerWorkerUrl(), { workerData: init })
    this.worker.on('message', (m: ReaderMessage) => this.push(m))
    this.worker.on('error', (e) => this.fail(e))
    this.worker.on('exit', (code) => {
      if (!this.ended) this.fail(new Error(`The reader thread stopped unexpectedly (exit code ${code}).`))
    })
  }

  private push(m: ReaderMessage): void {
    // The last message: the thread's exit that follows is no failure.
    if (m.type === 'error' || m.finished !== undefined) this.ended = true
    this.queue.push(m)
    this.wake?.()
  }

  private fail(e: Error): void {
    this.failure ??= e
    this.wake?.()
  }

  /** The next chunk; null when the reader has finished. Throws when the reader failed. */
  async next(): Promise<{ events: ReadEvent[]; finished: boolean } | null> {
    while (this.queue.length === 0) {
      if (this.failure) throw this.failure
      if (this.ended) return null
      await new Promise<void>((r) => (this.wake = r))
      this.wake = null
    }
    const m = this.queue.shift()!
    if (m.type === 'error') throw new Error(m.message)
    this.worker.postMessage('taken')
    return { events: m.events, finished: m.finished ?? false }
  }

  async stop(): Promise<void> {
    this.ended = true
    await this.worker.terminate()
  }
}
