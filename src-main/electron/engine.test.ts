// The engine process's protocol, end to end over a worker_threads MessageChannel: the same
// EngineClient main uses, the same serveEngine the utilityProcess runs, a real archive and index.
import { afterAll, describe, expect, it } from 'vitest'
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { join } from 'node:path'
import { tempDir } from '../../test-support/tmp'
import { EngineClient } from './engine-client'
import { serveEngine, type OpenEngine } from './engine-host'
import { openDesktopEngine } from './engine-open'
import type { Endpoint, HostServices } from './engine-protocol'
import type { PrintOptions } from '../core/pdf'
import type { Handlers } from '../api/contract'
import { mkdirSync, writeFileSync } from 'node:fs'

const resourcesDir = join(import.meta.dirname, '../../resources')

function endpoint<In, Out>(port: MessagePort): Endpoint<In, Out> {
  return { post: (m) => port.postMessage(m), listen: (cb) => port.on('message', cb) }
}

function connect(open: OpenEngine, host: Partial<HostServices> = {}) {
  const { port1, port2 } = new MessageChannel()
  const engine = serveEngine(endpoint(port2), open, () => {})
  const services: HostServices = {
    printPdf: host.printPdf ?? (async () => new Uint8Array()),
    openExternal: host.openExternal ?? (async () => {}),
  }
  const client = new EngineClient(endpoint(port1), services)
  const done = async () => {
    await client.close()
    port1.close()
  }
  return { client, engine, done }
}

describe('the engine process protocol', () => {
  const archiveDir = join(tempDir(), 'archive')
  const printed: { html: string; options: PrintOptions }[] = []
  const opened: string[] = []
  let ctxPrint: ((html: string) => Promise<Buffer>) | undefined
  const open: OpenEngine = async (init, host) => {
    const engine = await openDesktopEngine()(init, host)
    // What a PDF export handler does with ctx.printPdf, reached from the test.
    ctxPrint = (html) => host.printPdf(html, { footerTemplate: '<span class="pageNumber"></span>' }).then((b) => Buffer.from(b))
    return engine
  }
  const { client, engine, done } = connect(open, {
    printPdf: async (html, options) => {
      printed.push({ html, options })
      return new Uint8Array(Buffer.from('%PDF-1.7 fake'))
    },
    openExternal: async (url) => void opened.push(url),
  })
  afterAll(done)

  it('opens the archive (with the sample in an empty one) and answers calls through dispatch', async () => {
    await client.start({ archiveDir, resourcesDir, version: '9.9.9' })
    const info = await client.call('app.info', {})
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', version: '9.9.9', archiveDir } })
    expect(info.ok && (info.value as { articleCount: number }).articleCount).toBeGreaterThan(0)
  })

  it('validates like every other door', async () => {
    expect(await client.call('articles.list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(await client.call('articles.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
  })

  it('answers concurrent calls each with its own result', async () => {
    const ids = [1, 2, 3]
    const answers = await Promise.all(ids.map((id) => client.call('articles.get', { id })))
    expect(answers.map((a) => a.ok && (a.value as { id: number }).id)).toEqual(ids)
  })

  it('searches with the index in its worker threads', async () => {
    const page = await client.call('search.query', { q: 'السيول' })
    expect(page.ok).toBe(true)
    expect(page.ok && (page.value as { total: number }).total).toBeGreaterThan(0)
  }, 60_000)

  it('asks main to open a link, after checking it', async () => {
    expect(await client.call('app.openExternal', { url: 'https://example.com/x' })).toEqual({ ok: true, value: { by: 'system', url: 'https://example.com/x' } })
    expect(await client.call('app.openExternal', { url: 'file:///etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(opened).toEqual(['https://example.com/x'])
  })

  it("prints through main's window and gets the PDF bytes back", async () => {
    const pdf = await ctxPrint!('<p>مرحبا</p>')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(printed).toEqual([{ html: '<p>مرحبا</p>', options: { footerTemplate: '<span class="pageNumber"></span>' } }])
  })

  it('closes the archive and the index when asked', async () => {
    await client.close()
    await engine.closed
  })
})

describe('the engine process protocol, when things go wrong', () => {
  it('starts a damaged archive in recovery mode: it says what is wrong, everything else refuses', async () => {
    const damaged = join(tempDir(), 'damaged')
    mkdirSync(damaged)
    writeFileSync(join(damaged, 'archive.sqlite'), 'this is not a database')
    const { client, done } = connect(openDesktopEngine({ log: () => {} }))
    await client.start({ archiveDir: damaged, resourcesDir, version: '0' })
    const info = await client.call('app.info', {})
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', articleCount: 0 } })
    expect(info.ok && (info.value as { recovery?: { reason: string } }).recovery?.reason).toContain('damaged')
    expect(await client.call('articles.list', {})).toMatchObject({ ok: false, error: { code: 'archive_corrupt' } })
    await done()
  })

  it('reports an archive folder it cannot open at all', async () => {
    const file = join(tempDir(), 'a-file')
    writeFileSync(file, 'not a folder')
    const { client, done } = connect(openDesktopEngine({ log: () => {} }))
    await expect(client.start({ archiveDir: file, resourcesDir, version: '0' })).rejects.toMatchObject({ code: 'archive_not_writable' })
    expect(await client.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'archive_not_writable' } })
    await done()
  })

  it("passes main's printing failure back to the handler", async () => {
    let print: (() => Promise<unknown>) | undefined
    const { client, done } = connect(
      async (_init, host) => {
        print = () => host.printPdf('<p></p>', {})
        return { handlers: {} as Handlers, close: () => {} }
      },
      { printPdf: async () => Promise.reject(new Error('the print window crashed')) },
    )
    await client.start({ archiveDir: '', resourcesDir, version: '0' })
    await expect(print!()).rejects.toMatchObject({ code: 'internal', message: 'the print window crashed' })
    await done()
  })

  it('answers waiting and later calls when the engine process is gone', async () => {
    const { port1 } = new MessageChannel() // nobody on the other side
    const client = new EngineClient(endpoint(port1), { printPdf: async () => new Uint8Array(), openExternal: async () => {} })
    const waiting = client.call('app.info', {})
    client.stopped('The archive engine stopped unexpectedly.')
    expect(await waiting).toEqual({ ok: false, error: { code: 'internal', message: 'The archive engine stopped unexpectedly.' } })
    expect(await client.call('articles.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
    port1.close()
  })
})
