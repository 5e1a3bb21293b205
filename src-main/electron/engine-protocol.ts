// The messages between the Electron main process and the engine process (a utilityProcess running
// the archive, the index and every handler). Main relays the window's API calls; the engine asks
// main for what only main can do (print with a BrowserWindow, open a link in the system browser).
// Everything here crosses a structured-clone boundary: plain data only.
import type { Envelope } from '../api/contract'
import type { ErrorCode } from '../core/errors'
import type { PrintOptions } from '../core/pdf'

export interface EngineInit {
  archiveDir: string
  resourcesDir: string
  version: string
}

/** What the engine may ask of main. */
export type HostRequest = { op: 'printPdf'; html: string; options: PrintOptions } | { op: 'openExternal'; url: string }

/** Main's side of those requests; each answers a promise. */
export interface HostServices {
  printPdf(html: string, options: PrintOptions): Promise<Uint8Array>
  openExternal(url: string): Promise<void>
}

export interface HostFailure {
  code: ErrorCode
  message: string
}

/** Main → engine. */
export type ToEngine =
  | { type: 'init'; init: EngineInit }
  | { type: 'call'; id: number; method: string; args: unknown }
  | { type: 'hostReply'; id: number; ok: true; value: unknown }
  | { type: 'hostReply'; id: number; ok: false; error: HostFailure }
  | { type: 'close' }

/** Engine → main. */
export type FromEngine =
  /** The engine listens: main sends nothing before this (a message sent while the engine's modules
   * are still loading could otherwise be lost, depending on the port). */
  | { type: 'listening' }
  | { type: 'ready' }
  | { type: 'failed'; error: HostFailure }
  | { type: 'result'; id: number; envelope: Envelope }
  | { type: 'host'; id: number; request: HostRequest }
  | { type: 'closed' }

/** One end of a message channel: a worker_threads MessagePort, Electron's parentPort or a UtilityProcess. */
export interface Endpoint<In, Out> {
  post(message: Out): void
  listen(onMessage: (message: In) => void): void
}
