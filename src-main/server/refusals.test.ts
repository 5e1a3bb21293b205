// What `arshif serve` refuses, one case at a time, beyond the basics in server.test.ts: every way a
// request can lack the token or come from elsewhere, every HTTP method but POST, bodies too large
// however they are sent, and arguments that are not what the contract says. Each refusal is a typed
// Envelope and leaves the archive as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, request } from 'node:http'
import { connect } from 'node:net'
import { join } from 'node:path'
import { Archive } from '../core/archive/archive'
import { createHandlers } from '../api/handlers'
import { JobRegistry } from '../core/jobs'
import { tempDir } from '../../test-support/tmp'
import { article } from '../../test-support/articles'
import { startServer, type RunningServer } from './server'

const dir = tempDir('arshif-refusals-')
let server: RunningServer
let archive: Archive

beforeAll(async () => {
  archive = Archive.open(join(dir, 'archive'))
  archive.addArticles([article(1), article(2)], null)
  server = await startServer({ handlers: createHandlers({ archive, host: 'serve', version: 't', jobs: new JobRegistry() }), rendererDir: null, maxBodyBytes: 4096, log: () => {} })
})
afterAll(async () => {
  await server.close()
  archive.close()
})

interface Reply { status: number; body: string; json: { ok: boolean; error?: { code: string; message: string } } | null }

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Buffer[] } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'POST', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8')
        let json = null
        try {
          json = JSON.parse(body)
        } catch {
          /* not JSON */
        }
        resolve({ status: res.statusCode!, body, json })
      })
    })
    req.on('error', reject)
    if (opts.chunks) {
      for (const c of opts.chunks) req.write(c)
      req.end()
    } else req.end(opts.body)
  })
}

const auth = () => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` })
const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, { headers: { ...auth(), ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })

/** The archive still holds exactly what it held. */
const unchanged = () => expect(archive.articleCount()).toBe(2)

describe('serve refuses requests without the token', () => {
  it('in every form it could be smuggled', async () => {
    const cases: Record<string, string>[] = [
      { 'Content-Type': 'application/json' },
      { 'Content-Type': 'application/json', Authorization: '' },
      { 'Content-Type': 'application/json', Authorization: 'Bearer ' },
      { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`x:${server.token}`).toString('base64')}` },
      { 'Content-Type': 'application/json', Authorization: `bearer ${server.token}` },
      { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token.slice(0, -1)}` },
      { 'Content-Type': 'application/json', Cookie: `token=${server.token}` },
    ]
    for (const headers of cases) {
      const r = await send('/api/articles.list', { headers, body: '{}' })
      expect(r.status, JSON.stringify(headers)).toBe(401)
      expect(r.json?.error?.code).toBe('unauthorized')
    }
    // …nor in the address: the token goes in the header only.
    const inQuery = await send(`/api/articles.list?token=${server.token}`, { headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(inQuery.status).toBe(401)
  })
})

describe('serve refuses other sites and other names', () => {
  it('a foreign Origin, including look-alikes of our own', async () => {
    for (const origin of ['https://evil.example', 'null', `https://127.0.0.1:${server.port}`, `http://127.0.0.1:${server.port + 1}`, `http://127.0.0.1.evil.example:${server.port}`, 'file://']) {
      const r = await api('app.info', {}, { Origin: origin })
      expect(r.status, origin).toBe(403)
      expect(r.json?.error?.code).toBe('forbidden')
    }
  })

  it('a foreign or missing Host (DNS rebinding), for the API and the page alike', async () => {
    for (const host of [`evil.example:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`, `127.0.0.1`, `0.0.0.0:${server.port}`, `[::1]:${server.port}`]) {
      const r = await api('app.info', {}, { Host: host })
      expect(r.status, host).toBe(403)
      expect((await send('/', { method: 'GET', headers: { Host: host } })).status, host).toBe(403)
    }
    // HTTP/1.0 without a Host header at all.
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => socket.end('GET / HTTP/1.0\r\n\r\n'))
      let got = ''
      socket.on('data', (d) => (got += d))
      socket.on('end', () => resolve(got))
      socket.on('error', reject)
    })
    expect(raw).toMatch(/^HTTP\/1\.[01] 403/)
  })
})

describe('serve refuses what is not a JSON POST of a known method', () => {
  it('every other HTTP method', async () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const r = await send('/api/articles.list', { method, headers: auth(), body: method === 'GET' || method === 'HEAD' ? undefined : '{}' }).catch((e: Error) => e)
      expect(r instanceof Error ? `${method}: ${r.message}` : r.status, method).toBe(405)
    }
    unchanged()
  })

  it('unknown API methods, including names every object has', async () => {
    for (const method of ['archive.drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'articles.list%2F..%2Fapp.info', '', 'articles.list%00']) {
      const r = await api(method, {})
      expect(r.status, method).toBe(404)
      expect(r.json?.error?.code, method).toBe('unknown_method')
    }
  })

  it('bodies over the limit, whether announced or streamed without a length', async () => {
    const announced = await api('articles.list', JSON.stringify({ source: 'x'.repeat(5000) }))
    expect(announced.status).toBe(413)
    const streamed = await send('/api/articles.list', {
      headers: { ...auth(), 'Transfer-Encoding': 'chunked' },
      chunks: Array.from({ length: 10 }, () => Buffer.from(' '.repeat(1000))),
    })
    expect(streamed.status).toBe(413)
    expect(streamed.json?.error?.code).toBe('payload_too_large')
    unchanged()
  })

  it('bodies that are not JSON, or JSON that is not an object of arguments', async () => {
    for (const body of ['{', 'undefined', "{'id': 1}", '\u0000', '[' .repeat(3000)]) {
      const r = await api('articles.get', body)
      expect(r.status, body.slice(0, 10)).toBe(400)
      expect(r.json?.error?.code).toBe('invalid_argument')
    }
    for (const body of ['[]', '"text"', '42', 'true']) {
      const r = await api('articles.get', body)
      expect(r.status, body).toBe(400)
      expect(r.json?.error?.code).toBe('invalid_argument')
    }
  })

  it('arguments of the wrong type, out of range, or with keys the contract does not have', async () => {
    const cases: [string, unknown][] = [
      ['articles.get', { id: '1' }],
      ['articles.get', { id: 1.5 }],
      ['articles.get', { id: 0 }],
      ['articles.get', {}],
      ['articles.get', { id: 1, extra: true }],
      ['articles.get', '{"id":1,"__proto__":{"admin":true}}'],
      ['articles.get', '{"id":1,"constructor":{"prototype":{"admin":true}}}'],
      ['articles.list', { limit: 10_000 }],
      ['articles.list', { sort: 'DROP TABLE articles' }],
      ['search.query', { q: 'x'.repeat(1001) }],
      ['search.query', { q: 'a', filters: { sources: 'not a list' } }],
      ['search.query', { q: 'a', filters: { where: '1=1' } }],
      ['settings.set', { locale: 'fr' }],
      ['settings.set', { locale: 'ar', theme: 'dark' }],
      ['backup.restore', { id: '../../etc/passwd' }],
      ['backup.settings.set', { keep: -1 }],
      ['backup.settings.set', { dir: 42 }],
      ['app.info', { anything: 1 }],
    ]
    for (const [method, args] of cases) {
      const body = typeof args === 'string' ? args : JSON.stringify(args)
      const r = await api(method, body)
      expect(r.status, `${method} ${body}`).toBe(400)
      expect(r.json?.error?.code, `${method} ${body}`).toBe('invalid_argument')
      expect(r.body).not.toMatch(/\.ts:\d+|node_modules|at [A-Za-z]+ \(/)
    }
    expect(archive.getSetting('ui', null)).toBeNull()
    unchanged()
  })

  it('a refused request never breaks the kept-alive connection for the next one', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const call = (method: string, headers: Record<string, string>, chunked: boolean) =>
      new Promise<number | string>((resolve) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: '/api/app.info', method, agent, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode!))
        })
        req.on('error', (e) => resolve(e.message))
        if (chunked) req.write('{')
        req.end(chunked ? '}' : '{}')
      })
    try {
      for (const [method, headers] of [['DELETE', auth()], ['PATCH', auth()], ['POST', {}], ['POST', { ...auth(), Origin: 'https://evil.example' }], ['POST', { ...auth(), 'Content-Type': 'text/plain' }]] as const) {
        for (const chunked of [false, true]) {
          expect(await call(method, headers, chunked), `${method} ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(400)
          expect(await call('POST', auth(), chunked), `after a refused ${method}`).toBe(200)
        }
      }
    } finally {
      agent.destroy()
    }
  })

  it('a content type other than JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await api('articles.list', '{}', { 'Content-Type': type })
      expect(r.status, type).toBe(415)
    }
    const none = await send('/api/articles.list', { headers: { Authorization: `Bearer ${server.token}` }, body: '{}' })
    expect(none.status).toBe(415)
  })
})
