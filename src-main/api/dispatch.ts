// The single door into the engine: validates a call against the contract, runs its handler and
// turns every outcome into an Envelope. Both adapters (IPC, HTTP) go through here.
import { isAppError } from '../core/errors'
import { contract, isMethod, type Envelope, type Handlers } from './contract'

export type Logger = (message: string, error?: unknown) => void

export async function dispatch(handlers: Handlers, method: unknown, args: unknown, log: Logger = defaultLog): Promise<Envelope> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unknown API method: ${String(method).slice(0, 80)}.` } }
  }
  const parsed = contract[method].input.safeParse(args ?? {})
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(arguments)', message: i.message }))
    return {
      ok: false,
      error: { code: 'invalid_argument', message: `Invalid arguments for ${method}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues },
    }
  }
  try {
    const handler = handlers[method] as (a: unknown) => unknown
    return { ok: true, value: await handler(parsed.data) }
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message } }
    log(`${method} failed`, e)
    return { ok: false, error: { code: 'internal', message: `Something went wrong while running ${method}. The details are in the log.` } }
  }
}

const defaultLog: Logger = (message, error) => console.error(`[arshif] ${message}:`, error)
