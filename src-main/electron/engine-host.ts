// The engine's side of the channel to main, independent of the transport (a utilityProcess's
// parentPort in the app, a worker_threads MessagePort in tests): opens the archive on 'init',
// answers every 'call' through dispatch() — the same door as serve mode — and forwards the
// engine's own requests (printing, opening a link) to main.
import { dispatch, type Logger } from '../api/dispatch'
import type { Envelope, Handlers } from '../api/contract'
import { AppError, isAppError } from '../core/errors'
import type { Endpoint, EngineInit, FromEngine, HostRequest, HostServices, ToEngine } from './engine-protocol'

export interface OpenedEngine {
  handlers: Handlers
  close(): Promise<void> | void
}

/** Opens the archive and everything the handlers need; `host` reaches main. */
export type OpenEngine = (init: EngineInit, host: HostServices) => Promise<OpenedEngine>

export function serveEngine(endpoint: Endpoint<ToEngine, FromEngine>, open: OpenEngine, log?: Logger): { closed: Promise<void> } {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  let nextHostId = 1
  const askHost = (request: HostRequest): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextHostId++
      pending.set(id, { resolve, reject })
      endpoint.post({ type: 'host', id, request })
    })
  const host: HostServices = {
    printPdf: async (html, options) => (await askHost({ op: 'printPdf', html, options })) as Uint8Array,
    openExternal: async (url) => void (await askHost({ op: 'openExternal', url })),
  }

  let engine: Promise<OpenedEngine> | null = null
  let markClosed: () => void
  const closed = new Promise<void>((resolve) => (markClosed = resolve))

  const answer = async (id: number, method: string, args: unknown): Promise<void> => {
    let envelope: Envelope
    if (!engine) envelope = { ok: false, error: { code: 'internal', message: 'The archive engine was not started.' } }
    else {
      try {
        envelope = await dispatch((await engine).handlers, method, args, log)
      } catch (e) {
        // Opening failed: every call says why, as the window's error screen will show.
        envelope = { ok: false, error: failureOf(e) }
      }
    }
    endpoint.post({ type: 'result', id, envelope })
  }

  endpoint.listen((message) => {
    switch (message.type) {
      case 'init':
        if (engine) return
        engine = open(message.init, host)
        engine.then(
          () => endpoint.post({ type: 'ready' }),
          (e) => endpoint.post({ type: 'failed', error: failureOf(e) }),
        )
        return
      case 'call':
        void answer(message.id, message.method, message.args)
        return
      case 'hostReply': {
        const p = pending.get(message.id)
        if (!p) return
        pending.delete(message.id)
        if (message.ok) p.resolve(message.value)
        else p.reject(new AppError(message.error.code, message.error.message))
        return
      }
      case 'close':
        void (async () => {
          try {
            if (engine) await (await engine).close()
          } catch {
            // it failed to open: nothing to close
          }
          endpoint.post({ type: 'closed' })
          markClosed()
        })()
        return
    }
  })
  endpoint.post({ type: 'listening' })
  return { closed }
}

function failureOf(e: unknown): { code: AppError['code']; message: string } {
  if (isAppError(e)) return { code: e.code, message: e.message }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) }
}
