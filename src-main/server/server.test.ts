import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Archive } from '../core/archive/archive'
import { createHandlers } from '../api/handlers'
import { tempDir } from '../../test-support/tmp'
import { article } from '../../test-support/articles'
import { startServer, type RunningServer } from './server'
import { JobRegistry } from '../core/jobs'

const dir = tempDir()
const rendererDir = join(dir, 'renderer')
mkdirSync(join(rendererDir, 'assets'), { recursive: true })
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>أرشيف</title>')
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
writeFileSync(join(dir, 'secret.txt'), 'outside the renderer')

let server: RunningServer
let archive: Archive

beforeAll(async () => {
  archive = Archive.open(join(dir, 'archive'))
  archive.addArticles([article(1), article(2)], null)
  server = await startServer({ handlers: createHandlers({ archive, host: 'serve', version: 't', jobs: new JobRegistry() }), rendererDir, maxBodyBytes: 4096, log: () => {} })
})
afterAll(async () => {
  await server.close()
  archive.close()
})

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('arshif serve', () => {
  it('listens on 127.0.0.1 and prints an address carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
    expect(server.openUrl).toBe(`${server.url}?token=${server.token}`)
    expect(server.token.length).toBeGreaterThanOrEqual(32)
  })

  it('answers an API call that carries the token', async () => {
    const r = await api('articles.list', { limit: 1 })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { total: 2 } })
  })

  it('refuses a call without the token, or with a wrong one', async () => {
    for (const auth of [undefined, 'Bearer nope', `Bearer ${server.token}x`, server.token]) {
      const r = await send('/api/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) }, body: '{}' })
      expect(r.status).toBe(401)
      expect(JSON.parse(r.body).error.code).toBe('unauthorized')
    }
  })

  it('refuses another site (Origin) and a foreign Host name (DNS rebinding)', async () => {
    const fromSite = await api('app.info', {}, { Origin: 'https://evil.example' })
    expect(fromSite.status).toBe(403)
    const rebound = await api('app.info', {}, { Host: `evil.example:${server.port}` })
    expect(rebound.status).toBe(403)
    const page = await send('/', { headers: { Host: 'evil.example' } })
    expect(page.status).toBe(403)
    const ownOrigin = await api('app.info', {}, { Origin: `http://localhost:${server.port}` })
    expect(ownOrigin.status).toBe(200)
  })

  it('refuses an oversized body', async () => {
    const r = await api('articles.list', JSON.stringify({ source: 'x'.repeat(10_000) }))
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body).error.code).toBe('payload_too_large')
  })

  it('refuses other HTTP methods, other content types and broken JSON', async () => {
    const get = await send('/api/app.info', { headers: { Authorization: `Bearer ${server.token}` } })
    expect(get.status).toBe(405)
    expect(get.headers.allow).toBe('POST')
    const form = await api('app.info', 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' })
    expect(form.status).toBe(415)
    const broken = await api('app.info', '{"limit": ')
    expect(broken.status).toBe(400)
    expect(JSON.parse(broken.body).error.message).toMatch(/not valid JSON/)
  })

  it('answers unknown methods and bad arguments with typed errors, never a stack trace', async () => {
    const unknown = await api('archive.format', {})
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body).error.code).toBe('unknown_method')
    const bad = await api('articles.get', { id: -1 })
    expect(bad.status).toBe(400)
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/)
    const missing = await api('articles.get', { id: 999 })
    expect(missing.status).toBe(404)
    expect(JSON.parse(missing.body).error).toEqual({ code: 'not_found', message: 'There is no article 999 in this archive.' })
  })

  it('serves the app with a strict Content Security Policy, and nothing outside it', async () => {
    const page = await send('/?token=abc')
    expect(page.status).toBe(200)
    expect(page.body).toContain('أرشيف')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect((await send('/assets/app.js')).headers['content-type']).toMatch(/javascript/)
    expect((await send('/../secret.txt')).status).toBe(404)
    expect((await send('/%2e%2e/secret.txt')).status).toBe(404)
    expect((await send('/assets/missing.js')).status).toBe(404)
  })
})
