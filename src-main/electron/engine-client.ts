// Main's side of the channel to the engine process: starts it, relays API calls and answers the
// engine's requests with main's own services. Transport-independent, tested over a worker_threads
// MessageChannel; main.ts plugs in a utilityProcess.
import type { Envelope } from '../api/contract'
import { AppError, isAppError } from '../core/errors'
import type { Endpoint, EngineInit, FromEngine, HostFailure, HostRequest, HostServices, ToEngine } from './engine-protocol'

export class EngineClient {
  private readonly calls = new Map<number, (e: Envelope) => void>()
  private nextId = 1
  private starting: { resolve: () => void; reject: (e: Error) => void } | null = null
  private closing: (() => void) | null = null
  private stoppedReason: string | null = null
  /** Messages held until the engine says it listens. */
  private outbox: ToEngine[] | null = []

  constructor(
    private readonly endpoint: Endpoint<FromEngine, ToEngine>,
    private readonly host: HostServices,
  ) {
    endpoint.listen((m) => this.receive(m))
  }

  /** Opens the archive in the engine; rejects with the engine's AppError (e.g. a damaged archive). */
  start(init: EngineInit): Promise<void> {
    return new Promise((resolve, reject) => {
      this.starting = { resolve, reject }
      this.send({ type: 'init', init })
    })
  }

  /** One API call, answered with an Envelope whatever happens to the engine. */
  call(method: unknown, args: unknown): Promise<Envelope> {
    if (this.stoppedReason) return Promise.resolve(stoppedEnvelope(this.stoppedReason))
    return new Promise((resolve) => {
      const id = this.nextId++
      this.calls.set(id, resolve)
      this.send({ type: 'call', id, method: String(method), args })
    })
  }

  /** Asks the engine to close the archive and the index; resolves when it has, or after `timeoutMs`. */
  close(timeoutMs = 5000): Promise<void> {
    if (this.stoppedReason) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      this.closing = () => {
        clearTimeout(timer)
        resolve()
      }
      this.send({ type: 'close' })
    })
  }

  /** The engine process is gone: every waiting call is answered, later ones at once. */
  stopped(reason: string): void {
    this.stoppedReason = reason
    for (const [id, resolve] of this.calls) {
      this.calls.delete(id)
      resolve(stoppedEnvelope(reason))
    }
    this.starting?.reject(new AppError('internal', reason))
    this.starting = null
    this.closing?.()
  }

  private send(m: ToEngine): void {
    if (this.outbox) this.outbox.push(m)
    else this.endpoint.post(m)
  }

  private receive(m: FromEngine): void {
    switch (m.type) {
      case 'listening': {
        const held = this.outbox ?? []
        this.outbox = null
        for (const h of held) this.endpoint.post(h)
        return
      }
      case 'ready':
        this.starting?.resolve()
        this.starting = null
        return
      case 'failed':
        this.starting?.reject(new AppError(m.error.code, m.error.message))
        this.starting = null
        return
      case 'result': {
        const resolve = this.calls.get(m.id)
        this.calls.delete(m.id)
        resolve?.(m.envelope)
        return
      }
      case 'host':
        void this.serveHost(m.id, m.request)
        return
      case 'closed':
        this.closing?.()
        this.closing = null
        return
    }
  }

  private async serveHost(id: number, request: HostRequest): Promise<void> {
    try {
      const value = request.op === 'printPdf' ? await this.host.printPdf(request.html, request.options) : await this.host.openExternal(request.url)
      this.send({ type: 'hostReply', id, ok: true, value })
    } catch (e) {
      const error: HostFailure = isAppError(e) ? { code: e.code, message: e.message } : { code: 'internal', message: e instanceof Error ? e.message : String(e) }
      this.send({ type: 'hostReply', id, ok: false, error })
    }
  }
}

const stoppedEnvelope = (reason: string): Envelope => ({ ok: false, error: { code: 'internal', message: reason } })
