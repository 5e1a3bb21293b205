// `arshif serve`: the same API as the desktop window, over HTTP on 127.0.0.1 only, so the renderer
// runs in any browser and the e2e tests drive the real stack. Every API call needs the per-run
// token; Host and Origin are checked against our own address so another site (or a DNS-rebinding
// page) cannot talk to it; bodies are size-limited; errors go out as Envelopes, never as stacks.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { ErrorCode } from '../core/errors'
import type { Envelope, Handlers } from '../api/contract'
import { dispatch, type Logger } from '../api/dispatch'
import { serveStatic } from './static'

export const API_PREFIX = '/api/'
// Room for the largest call the UI makes (a timeline draft of a few thousand events sent for export);
// file uploads come in chunks far below it.
export const DEFAULT_MAX_BODY_BYTES = 8 << 20

export interface ServeOptions {
  handlers: Handlers
  /** The built renderer (`out/renderer`); null serves the API alone. */
  rendererDir: string | null
  /** 0 picks a free port. */
  port?: number
  token?: string
  maxBodyBytes?: number
  log?: Logger
}

export interface RunningServer {
  url: string
  /** The URL to open: it hands the token to the page, which keeps it out of the address bar. */
  openUrl: string
  port: number
  token: string
  close(): Promise<void>
}

const HOST = '127.0.0.1'

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_argument: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  payload_too_large: 413,
  archive_not_writable: 409,
  archive_corrupt: 409,
  archive_too_new: 409,
  archive_not_empty: 409,
  backup_invalid: 422,
  unsupported_file: 415,
  cancelled: 409,
  internal: 500,
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  let allowedHosts = new Set<string>()

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      opts.log?.('request failed', e)
      if (!res.headersSent) send(res, 500, fail('internal', 'The server could not answer this request.'))
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a foreign name that resolves to 127.0.0.1 still carries its own Host header.
    // A refusal answers before the body is read, so the connection is closed after it: a client
    // reusing it would otherwise have its next request mixed with the unread rest of this one.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 403, fail('forbidden', 'This server only answers requests addressed to 127.0.0.1 or localhost.'), true)
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, '')))
      return send(res, 403, fail('forbidden', 'Requests from other sites are refused.'), true)

    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (!path.startsWith(API_PREFIX)) {
      if (opts.rendererDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(opts.rendererDir, path, req, res)
      return send(res, 404, fail('not_found', 'Nothing here.'))
    }

    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return send(res, 405, fail('invalid_argument', 'API calls are POST requests.'), true)
    }
    if (!tokenMatches(req.headers.authorization, token)) return send(res, 401, fail('unauthorized', 'A valid access token is required. Open the address that `arshif serve` printed.'), true)
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return send(res, 415, fail('invalid_argument', 'API calls send JSON (Content-Type: application/json).'), true)

    const body = await readBody(req, maxBody)
    if (body === 'too_large') return send(res, 413, fail('payload_too_large', `The request body is larger than ${maxBody} bytes.`), true)
    let args: unknown
    try {
      args = body.length ? JSON.parse(body) : {}
    } catch {
      return send(res, 400, fail('invalid_argument', 'The request body is not valid JSON.'))
    }
    const method = decodeURIComponent(path.slice(API_PREFIX.length))
    const envelope = await dispatch(opts.handlers, method, args, opts.log)
    send(res, envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 500), envelope)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, HOST, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`])
  const url = `http://${HOST}:${port}/`
  return {
    url,
    openUrl: `${url}?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '')
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function readBody(req: IncomingMessage, limit: number): Promise<string | 'too_large'> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return resolve('too_large')
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        resolve('too_large')
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const fail = (code: ErrorCode, message: string): Envelope => ({ ok: false, error: { code, message } })

function send(res: ServerResponse, status: number, envelope: Envelope, closeAfter = false): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(closeAfter ? { Connection: 'close' } : {}),
  })
  res.end(JSON.stringify(envelope))
}
