/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Starts the real `arshif serve` on a fresh temporary archive for each test, and records every
// request the page makes so a test can prove nothing left the machine.
import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')

export interface ServedArchive {
  url: string
  archiveDir: string
  /** Every URL the page requested. */
  requests: string[]
  /** Console errors and uncaught page errors (a CSP violation shows up here). */
  problems: string[]
}

export async function startServe(archiveDir: string, extraArgs: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'arshif.js'), 'serve', '--archive', archiveDir, ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d) => (stderr += d))
  const url = await new Promise<string>((done, fail) => {
    let out = ''
    child.stdout!.on('data', (d) => {
      out += d
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'))
      if (line) done(line.trim())
    })
    child.once('exit', (code) => fail(new Error(`arshif serve exited with ${code}: ${stderr}`)))
    setTimeout(() => fail(new Error(`arshif serve printed no address in 30 s: ${stderr}`)), 30_000)
  })
  return { url, child }
}

export const test = base.extend<{ served: ServedArchive }>({
  served: async ({ page }, use) => {
    const archiveDir = mkdtempSync(join(tmpdir(), 'arshif-e2e-'))
    const { url, child } = await startServe(archiveDir)
    const served: ServedArchive = { url, archiveDir, requests: [], problems: [] }
    page.on('request', (r) => served.requests.push(r.url()))
    page.on('console', (m) => m.type() === 'error' && served.problems.push(m.text()))
    page.on('pageerror', (e) => served.problems.push(e.message))
    await use(served)
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(archiveDir, { recursive: true, force: true })
    rmSync(`${archiveDir}-backups`, { recursive: true, force: true }) // the daily backup, if it ran
  },
})

/** Waits until the bundled Arabic font is loaded and actually used for the given element. */
export async function expectArabicFont(page: Page, selector: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  const family = await page.locator(selector).first().evaluate((el) => getComputedStyle(el).fontFamily)
  expect(family).toContain('Noto Naskh Arabic')
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Noto Naskh Arabic' && f.status === 'loaded').length)
  expect(loaded).toBeGreaterThan(0)
}

export { expect }
