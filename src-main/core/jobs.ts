// Long work (an import, a PDF export, a backup) runs as a job: the caller gets an id at once and
// asks for progress until the job ends, so no API call waits minutes and every job can be cancelled.
// Jobs live in memory only: a job interrupted by a crash is found again through its own records
// (e.g. an import batch left 'running'), not through this registry.
import { randomUUID } from 'node:crypto'
import { AppError, isAppError, type ErrorCode } from './errors'
import { TimeLeft } from './time-left'

export type JobState = 'running' | 'done' | 'failed' | 'cancelled'

export interface JobProgress {
  done: number
  total: number
  /** Per-second rate and seconds left, when the job can tell. */
  rate?: number
  etaSeconds?: number
  /** What is being worked on now (a file name …). */
  current?: string
  /** Anything else the job reports, e.g. counts. */
  counts?: Record<string, number>
}

export interface JobInfo<R = unknown> {
  id: string
  kind: string
  state: JobState
  startedAt: string
  finishedAt: string | null
  progress: JobProgress
  result: R | null
  error: { code: ErrorCode; message: string } | null
}

export interface JobContext {
  signal: AbortSignal
  /** Reports progress; rate and time left are filled in from `done` over elapsed time. */
  progress(p: JobProgress): void
}

export type JobRun<R> = (ctx: JobContext) => Promise<R>

/** How long a finished job's result stays available. */
const KEEP_FINISHED_MS = 30 * 60_000

export class JobRegistry {
  private readonly jobs = new Map<string, { info: JobInfo; controller: AbortController; started: number }>()

  start<R>(kind: string, run: JobRun<R>): JobInfo<R> {
    this.prune()
    const controller = new AbortController()
    const started = Date.now()
    const info: JobInfo<R> = {
      id: randomUUID(),
      kind,
      state: 'running',
      startedAt: new Date(started).toISOString(),
      finishedAt: null,
      progress: { done: 0, total: 0 },
      result: null,
      error: null,
    }
    this.jobs.set(info.id, { info, controller, started })
    const timeLeft = new TimeLeft()
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (p) => {
        const seconds = (Date.now() - started) / 1000
        const rate = p.rate ?? (seconds > 0 ? p.done / seconds : 0)
        const etaSeconds = p.etaSeconds ?? timeLeft.update(p.done, p.total)
        info.progress = { ...p, rate, etaSeconds }
      },
    }
    // Started on the next turn so the caller always sees 'running' first.
    setImmediate(() => {
      run(ctx).then(
        (result) => {
          info.result = result
          info.state = controller.signal.aborted ? 'cancelled' : 'done'
          info.finishedAt = new Date().toISOString()
        },
        (e: unknown) => {
          info.state = controller.signal.aborted || (isAppError(e) && e.code === 'cancelled') ? 'cancelled' : 'failed'
          info.error = isAppError(e) ? { code: e.code, message: e.message } : { code: 'internal', message: (e as Error)?.message ?? String(e) }
          info.finishedAt = new Date().toISOString()
        },
      )
    })
    return info
  }

  get(id: string): JobInfo {
    const job = this.jobs.get(id)
    if (!job) throw new AppError('not_found', `There is no job ${id}.`)
    return { ...job.info, progress: { ...job.info.progress } }
  }

  cancel(id: string): JobInfo {
    const job = this.jobs.get(id)
    if (!job) throw new AppError('not_found', `There is no job ${id}.`)
    if (job.info.state === 'running') job.controller.abort()
    return this.get(id)
  }

  /** Resolves when the job has ended (for the CLI and tests). */
  async wait(id: string, pollMs = 20): Promise<JobInfo> {
    for (;;) {
      const info = this.get(id)
      if (info.state !== 'running') return info
      await new Promise((r) => setTimeout(r, pollMs))
    }
  }

  private prune(): void {
    const now = Date.now()
    for (const [id, job] of this.jobs) {
      if (job.info.finishedAt && now - Date.parse(job.info.finishedAt) > KEEP_FINISHED_MS) this.jobs.delete(id)
    }
  }
}
