// How the renderer reaches the engine. In the desktop window the preload exposes `window.arshif`
// (IPC); in a browser the same calls go over HTTP to `arshif serve` with the per-run token.
// Nothing else in the renderer talks to the outside.
import type { ApiErrorValue, ApiTransport, ArgsOf, Envelope, Method, ResultOf } from '@contract'

declare global {
  interface Window {
    arshif?: ApiTransport
  }
}

export class ApiError extends Error {
  readonly code: ApiErrorValue['code']
  constructor(readonly value: ApiErrorValue) {
    super(value.message)
    this.code = value.code
  }
}

const TOKEN_KEY = 'arshif.token'

/** Takes the token from `?token=` once, keeps it for this tab, and removes it from the address bar. */
export function takeTokenFromLocation(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const params = new URLSearchParams(loc.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl)
    params.delete('token')
    const search = params.toString()
    window.history.replaceState(null, '', loc.pathname + (search ? `?${search}` : '') + loc.hash)
    return fromUrl
  }
  return storage.getItem(TOKEN_KEY)
}

export function httpTransport(baseUrl: string, token: string | null, fetchImpl: typeof fetch = fetch): ApiTransport {
  return {
    async call(method, args) {
      let res: Response
      try {
        res = await fetchImpl(`${baseUrl}api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(args ?? {}),
        })
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The Arshif server cannot be reached. Is `arshif serve` still running?' } }
      }
      try {
        return (await res.json()) as Envelope
      } catch {
        return { ok: false, error: { code: 'internal', message: `The server answered ${res.status} without a readable body.` } }
      }
    },
  }
}

let transport: ApiTransport | null = null

export function setTransport(t: ApiTransport): void {
  transport = t
}

function currentTransport(): ApiTransport {
  if (!transport) {
    transport = window.arshif ?? httpTransport(new URL('./', window.location.href).href, takeTokenFromLocation())
  }
  return transport
}

/** Calls one operation of the contract; resolves with its result or rejects with an ApiError. */
export async function call<M extends Method>(method: M, args: ArgsOf<M> = {} as ArgsOf<M>): Promise<ResultOf<M>> {
  const envelope = await currentTransport().call(method, args)
  if (!envelope.ok) throw new ApiError(envelope.error)
  return envelope.value as ResultOf<M>
}
