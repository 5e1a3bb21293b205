/// <reference lib="dom" />
// The offline promise, end to end: a whole working session — the archive, an import through the
// Import view, search, reading, a side-by-side comparison, a timeline exported as PDF, a backup —
// and nothing leaves the machine. Two witnesses: every request the page makes (only our own
// 127.0.0.1 address), and, inside `arshif serve`, a preload (offline-guard.mjs) that logs any
// connection, UDP packet or DNS lookup aimed anywhere but loopback; its log must stay empty.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import { startServe } from './fixtures'

const GUARD = resolve(import.meta.dirname, 'offline-guard.mjs')

/** Runs `run` with the guard preloaded into every Node process started meanwhile. */
async function withGuard<T>(log: string, run: () => Promise<T>): Promise<T> {
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, ARSHIF_NET_LOG: process.env.ARSHIF_NET_LOG }
  process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --import ${GUARD}`.trim()
  process.env.ARSHIF_NET_LOG = log
  try {
    return await run()
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

const logged = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [])

test('the guard itself sees a connection, a lookup and a fetch aimed outside', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arshif-e2e-guard-'))
  const log = join(dir, 'net.log')
  try {
    const script = `
      const net = require('node:net'); const dns = require('node:dns')
      net.connect(80, '192.0.2.1').on('error', () => {}).destroy()
      net.connect({ host: '127.0.0.1', port: 9 }).on('error', () => {}).destroy()
      dns.lookup('arshif-offline-check.invalid', () => {})
      fetch('http://192.0.2.2/').catch(() => {})
      setTimeout(() => process.exit(0), 300)`
    const r = spawnSync(process.execPath, ['--import', GUARD, '-e', script], { env: { ...process.env, ARSHIF_NET_LOG: log }, encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    const entries = logged(log).map((l) => JSON.parse(l) as { kind: string; target: string })
    expect(entries.map((e) => `${e.kind} ${e.target}`)).toEqual(expect.arrayContaining(['tcp 192.0.2.1:80', 'dns.lookup arshif-offline-check.invalid', 'tcp 192.0.2.2:80']))
    expect(entries.some((e) => e.target.startsWith('127.'))).toBe(false)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

async function search(page: Page, q: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'البحث' }).click()
  const input = page.getByTestId('search-input')
  await input.fill(q)
  await input.press('Enter')
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-query', q, { timeout: 60_000 })
  await expect(page.getByTestId('result-count')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
}

test('a whole session makes no request outside this machine, from the page or from the engine', async ({ page }) => {
  test.setTimeout(300_000)
  const root = mkdtempSync(join(tmpdir(), 'arshif-e2e-offline-'))
  const archiveDir = join(root, 'archive')
  const log = join(root, 'net.log')
  const requests: string[] = []
  const problems: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()))
  page.on('pageerror', (e) => problems.push(e.message))

  // Articles that link to the web (as real ones do) and name outlets by their domains.
  const batch = join(root, 'batch')
  mkdirSync(batch)
  writeFileSync(
    join(batch, 'وكالة.jsonl'),
    Array.from({ length: 12 }, (_, i) =>
      JSON.stringify({
        title: `اجتماع وزراء المياه رقم ${i + 1} في عمّان`,
        content: `عقد وزراء المياه اجتماعهم ${i + 1} في عمّان يوم 3 آذار 2023 لبحث أزمة الجفاف.\nوقال البيان المنشور على https://news.example.com/${i} إن الاجتماع المقبل في أيار 2023.`,
        date: `2023-03-0${(i % 9) + 1}`,
        url: `https://news.example.com/water/${i}`,
        source: 'example.com',
      }),
    ).join('\n'),
  )

  const served = await withGuard(log, () => startServe(archiveDir))
  try {
    // The archive with the sample.
    await page.goto(served.url)
    await expect(page.getByTestId('article-list').locator('li').first()).toBeVisible()

    // An import through the Import view.
    await page.getByRole('navigation').getByRole('link', { name: 'الاستيراد' }).click()
    await page.getByTestId('import-files-input').setInputFiles(join(batch, 'وكالة.jsonl'))
    await expect(page.getByTestId('import-ready')).toBeVisible()
    await page.getByTestId('import-start').click()
    await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('import-count-added').locator('dd')).toHaveText('12')

    // Search, and read a hit (its link to the web is shown, not followed).
    await search(page, 'وزراء المياه')
    await expect(page.getByTestId('hit-title').first()).toContainText('اجتماع وزراء المياه')
    await page.getByTestId('hit-title').first().click()
    await expect(page.getByTestId('article')).toContainText('news.example.com')

    // Two articles side by side.
    await page.goto(`${new URL(served.url).origin}/#/compare?a=1&b=2`)
    await expect(page.getByTestId('column-a')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByTestId('column-b')).toBeVisible()

    // A timeline from the search, saved and exported as a PDF (printed by a headless Chromium).
    await search(page, 'وزراء المياه')
    await page.getByTestId('timeline-from-search').click()
    await expect(page.getByTestId('chronology')).toBeVisible({ timeout: 60_000 })
    await page.getByTestId('timeline-name').fill('أزمة المياه')
    await page.getByTestId('timeline-save').click()
    await expect(page).toHaveURL(/#\/timeline\/\d+/)
    const download = page.waitForEvent('download', { timeout: 120_000 })
    await page.getByTestId('export-pdf').click()
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/)

    // A backup, from the Archive view.
    await page.getByRole('navigation').getByRole('link', { name: 'الأرشيف' }).click()
    await page.getByTestId('backup-now').click()
    await expect(page.getByTestId('backup-done')).toBeVisible({ timeout: 60_000 })
  } finally {
    served.child.kill('SIGTERM')
    await new Promise((r) => served.child.once('exit', r))
  }
  try {
    const origin = new URL(served.url).origin
    const foreign = requests.filter((r) => !r.startsWith(`${origin}/`) && !r.startsWith('blob:') && !r.startsWith('data:'))
    expect(foreign).toEqual([])
    expect(requests.length).toBeGreaterThan(10)
    expect(logged(`${log}.watched`)).toContain(String(served.child.pid)) // the guard was in the server
    expect(logged(log)).toEqual([])
    expect(problems).toEqual([])
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})
