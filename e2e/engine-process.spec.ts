// The BUILT engine process (out/main/engine.js, the file Electron's utilityProcess runs), started
// in plain Node with process.parentPort played by Node's IPC channel: the bundle, its chunks, the
// search worker beside it and the whole protocol, everything but Electron itself.
import { test, expect } from '@playwright/test'
import { fork } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { EngineClient } from '../src-main/electron/engine-client'
import type { FromEngine } from '../src-main/electron/engine-protocol'

const ROOT = resolve(import.meta.dirname, '..')
// The build under test: beside the renderer the e2e run was given (ARSHIF_RENDERER_DIR), else out/.
const MAIN_DIR = process.env.ARSHIF_RENDERER_DIR ? resolve(process.env.ARSHIF_RENDERER_DIR, '..', 'main') : join(ROOT, 'out', 'main')

// What Electron gives a utility process, played by Node's IPC channel.
const PARENT_PORT_SHIM = `
import { EventEmitter } from 'node:events'
const port = new EventEmitter()
port.postMessage = (message) => process.send(message)
process.on('message', (data) => port.emit('message', { data, ports: [] }))
process.parentPort = port
`

test('the built engine opens the archive, searches and imports with its bundled workers, and closes cleanly', async () => {
  expect(existsSync(join(MAIN_DIR, 'engine.js')), `no engine bundle in ${MAIN_DIR}: build first`).toBe(true)
  const dir = mkdtempSync(join(tmpdir(), 'arshif-engine-'))
  const shim = join(dir, 'parent-port.mjs')
  writeFileSync(shim, PARENT_PORT_SHIM)
  const child = fork(join(MAIN_DIR, 'engine.js'), [], { execArgv: ['--import', pathToFileURL(shim).href], serialization: 'advanced', stdio: 'inherit' })
  const printed: string[] = []
  const client = new EngineClient(
    { post: (m) => child.send(m), listen: (onMessage) => child.on('message', (m) => onMessage(m as FromEngine)) },
    {
      printPdf: async (html) => (printed.push(html), new Uint8Array(Buffer.from('%PDF-'))),
      openExternal: async () => {},
    },
  )
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      client.stopped(`The engine process exited with code ${code}.`) // fails a waiting start() at once
      done(code)
    }),
  )
  try {
    await client.start({ archiveDir: join(dir, 'archive'), resourcesDir: join(ROOT, 'resources'), version: '0.0.0-test' })
    const info = await client.call('app.info', {})
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', version: '0.0.0-test' } })
    expect(info.ok && (info.value as { articleCount: number }).articleCount).toBeGreaterThan(10)

    const page = await client.call('search.query', { q: 'سيول السنابل' })
    expect(page.ok, JSON.stringify(page)).toBe(true)
    expect((page as { value: { total: number } }).value.total).toBeGreaterThan(0)

    expect(await client.call('app.openExternal', { url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })

    // An import runs in the bundled import worker, found beside engine.js.
    const file = join(dir, 'خبر.txt')
    writeFileSync(file, 'افتتاح جسر جديد فوق النهر\n\nافتتحت البلدية صباح اليوم جسراً جديداً يربط ضفتي النهر بعد عامين من العمل.\n')
    const before = (info as { value: { articleCount: number } }).value.articleCount
    const started = await client.call('import.start', { paths: [file] })
    expect(started.ok, JSON.stringify(started)).toBe(true)
    let job = (started as { value: { id: string; state: string } }).value
    for (let i = 0; job.state === 'running' && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 100))
      job = ((await client.call('jobs.get', { id: job.id })) as { value: typeof job }).value
    }
    expect(job).toMatchObject({ state: 'done' })
    const after = await client.call('app.info', {})
    expect((after as { value: { articleCount: number } }).value.articleCount).toBe(before + 1)

    await client.close(30_000)
    expect(await exited).toBe(0)
  } finally {
    child.kill()
    rmSync(dir, { recursive: true, force: true })
  }
})
