/// <reference lib="dom" />
// Hostile content: articles imported from a web page and a JSONL record full of scripts, event
// handlers, javascript: links, iframes, style overlays, a meta refresh and a right-to-left override.
// Wherever the app shows them (the list, the reader, search results) nothing may run, nothing may
// be fetched, no element may come from the content, the markup must read as literal text, and the
// U+202E must stay inside its own isolated element instead of flipping the interface around it.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { test, expect, type Locator, type Page } from '@playwright/test'
import { startServe } from './fixtures'
import { hasPoppler, pdfPages, squeeze } from '../test-support/pdf'
import { addReversedArticle, importHostile, LITERALS, MARKER, RLO } from './hostile'

interface Watched {
  url: string
  child: ChildProcess
  root: string
  requests: string[]
  dialogs: string[]
  problems: string[]
}

/** Elements that content must never produce (the app itself draws none of these inside an article or a hit). */
const INJECTED = 'script, img, iframe, frame, object, embed, style, link, meta, base, form, video, audio, svg, math, a[href^="javascript"], [onerror], [onload], [onmouseover], [srcdoc]'

async function serveHostile(page: Page): Promise<Watched> {
  test.setTimeout(180_000) // an import through the CLI, then serve
  const root = mkdtempSync(join(tmpdir(), 'arshif-e2e-hostile-'))
  const archiveDir = join(root, 'archive')
  importHostile(root, archiveDir)
  addReversedArticle(archiveDir)
  const { url, child } = await startServe(archiveDir) // the sample too, so the hostile articles sit among others
  const w: Watched = { url, child, root, requests: [], dialogs: [], problems: [] }
  page.on('request', (r) => w.requests.push(r.url()))
  page.on('dialog', (d) => (w.dialogs.push(d.message()), void d.dismiss()))
  page.on('console', (m) => m.type() === 'error' && w.problems.push(m.text()))
  page.on('pageerror', (e) => w.problems.push(e.message))
  return w
}

async function stop(w: Watched): Promise<void> {
  if (w.child.exitCode === null) {
    w.child.kill('SIGTERM')
    await new Promise((r) => w.child.once('exit', r))
  }
  rmSync(w.root, { recursive: true, force: true })
}

/** Nothing ran, nothing left the machine, nothing went anywhere but our own files and API. */
function expectNothingHappened(w: Watched): void {
  expect(w.dialogs).toEqual([])
  const origin = new URL(w.url).origin
  for (const r of w.requests) {
    const u = new URL(r)
    expect(u.origin, r).toBe(origin)
    expect(u.pathname, r).toMatch(/^\/(api\/[\w.]+|assets\/[\w.-]+|icon\.svg|favicon\.ico)?$/)
  }
  expect(w.problems).toEqual([])
}

/** Every U+202E on the page is inside an isolated element holding only content text, not UI text. */
async function expectOverridesIsolated(page: Page, contentTexts: string[]): Promise<void> {
  const result = await page.evaluate(
    ({ rlo, texts }) => {
      const norm = (s: string) => s.replace(/…/g, '').replace(/\s+/g, ' ').trim()
      const allowed = texts.map(norm)
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      const problems: string[] = []
      let found = 0
      while (walker.nextNode()) {
        const node = walker.currentNode as Text
        if (!node.data.includes(rlo)) continue
        found++
        let el: HTMLElement | null = node.parentElement
        while (el && el !== document.body) {
          const ub = getComputedStyle(el).unicodeBidi
          if (el.tagName === 'BDI' || ub === 'isolate' || ub === 'plaintext' || ub === 'isolate-override') break
          el = el.parentElement
        }
        if (!el || el === document.body) problems.push(`not isolated: ${node.data}`)
        else if (!allowed.some((t) => t.includes(norm(el!.textContent ?? '')))) problems.push(`isolated together with interface text: ${el.textContent}`)
      }
      return { found, problems }
    },
    { rlo: RLO, texts: contentTexts },
  )
  expect(result.problems).toEqual([])
  expect(result.found).toBeGreaterThan(0)
}

/** The article's own strings (title, paragraphs, author, source) as the engine holds them. */
async function articleTexts(page: Page, id: number): Promise<string[]> {
  return page.evaluate(async (articleId) => {
    const token = sessionStorage.getItem('arshif.token')
    const res = await fetch('/api/articles.get', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ id: articleId }) })
    const a = (await res.json()).value as { title: string; paragraphs: string[]; author: string | null; source: string | null }
    // A snippet may run from one paragraph into the next: the body as one text counts too.
    return [a.title, a.paragraphs.join(' '), a.author ?? '', a.source ?? '']
  }, id)
}

async function expectInert(scope: Locator): Promise<void> {
  await expect(scope).toBeVisible()
  expect(await scope.locator(INJECTED).count()).toBe(0)
}

async function openFromList(page: Page, titlePart: string): Promise<number> {
  const link = page.getByTestId('article-list').locator('a', { hasText: titlePart })
  await expect(link).toHaveCount(1)
  await link.click()
  await expect(page.getByTestId('article')).toBeVisible()
  return Number(/#\/article\/(\d+)/.exec(page.url())?.[1])
}

test('a hostile web page and record are shown as plain text in the list and the reader', async ({ page }) => {
  const w = await serveHostile(page)
  try {
    await page.goto(w.url)
    const list = page.getByTestId('article-list')
    await expect(list.locator('a', { hasText: 'عنوان معكوس' })).toContainText(LITERALS.htmlTitle)
    await expect(list.locator('a', { hasText: 'المسموم' })).toContainText(LITERALS.recordTitle)
    await expectInert(list)

    // The web page: its scripts were never imported, its escaped markup reads literally.
    const pageId = await openFromList(page, 'عنوان معكوس')
    const article = page.getByTestId('article')
    await expect(article.getByRole('heading', { level: 1 })).toContainText(LITERALS.htmlTitle)
    await expect(article.locator('.body')).toContainText(LITERALS.htmlBody)
    await expect(article.locator('.body')).toContainText('<iframe src="javascript:alert(2)"></iframe>')
    await expect(article.locator('.body')).toContainText('طبقة تريد أن تغطي الصفحة كلها.')
    await expect(page.locator('body')).not.toContainText("alert('inline')")
    await expect(page.locator('body')).not.toContainText("alert('head')")
    // The importer already dropped the override characters from what it took in.
    expect((await articleTexts(page, pageId)).join('')).not.toContain(RLO)
    await expectInert(article.locator('.body'))
    await expectInert(article.getByRole('heading', { level: 1 }))
    // The page is still ours: nothing fixed over it, the navigation is what is on top.
    const nav = page.getByRole('navigation', { name: 'التنقل الرئيسي' })
    const box = (await nav.boundingBox())!
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('nav')?.getAttribute('aria-label') ?? null, [box.x + box.width / 2, box.y + box.height / 2])
    expect(onTop).toBe('التنقل الرئيسي')

    // The JSONL record: markup in every field, a javascript: link that must not become a link.
    await page.goto(w.url)
    const recordId = await openFromList(page, 'المسموم')
    await expect(article.getByRole('heading', { level: 1 })).toContainText(LITERALS.recordTitle)
    await expect(article.locator('.body')).toContainText(LITERALS.recordBody)
    await expect(article.locator('.body')).toContainText(LITERALS.template)
    await expect(article.locator('.body')).toContainText('<style>*{display:none !important}')
    await expect(article).toContainText('<b onmouseover=alert(12)>مصدر</b>')
    await expectInert(article)
    expect(await page.locator('a[href^="javascript"], [href*="alert("]').count()).toBe(0)
    expect(recordId).toBeGreaterThan(0)

    // An article that does carry U+202E (written by another tool): isolated in the list and the reader.
    await page.goto(w.url)
    await expect(list.locator('a', { hasText: 'خبر معكوس' })).toBeVisible()
    const reversedId = await openFromList(page, 'خبر معكوس')
    const reversedTexts = await articleTexts(page, reversedId)
    expect(reversedTexts.join('')).toContain(RLO)
    await expect(article.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=alert(14)>')
    await expectInert(article)
    await expectOverridesIsolated(page, reversedTexts)
    await page.goto(w.url)
    await expect(list.locator('a', { hasText: 'خبر معكوس' })).toBeVisible()
    await expectOverridesIsolated(page, reversedTexts)
    expectNothingHappened(w)
  } finally {
    await stop(w)
  }
})

test('search results and their snippets show hostile content as text', async ({ page }) => {
  const w = await serveHostile(page)
  try {
    await page.goto(w.url)
    await page.getByRole('navigation').getByRole('link', { name: 'البحث' }).click()
    const input = page.getByTestId('search-input')
    await input.fill(MARKER)
    await input.press('Enter')
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-query', MARKER, { timeout: 60_000 })
    await expect(page.getByTestId('result-count')).toHaveAttribute('aria-busy', 'false')
    const titles = page.getByTestId('hit-title')
    await expect(titles).toHaveCount(3)
    const shown = (await titles.allTextContents()).join('\n')
    expect(shown).toContain(LITERALS.htmlTitle)
    expect(shown).toContain(LITERALS.recordTitle)
    const snippets = (await page.getByTestId('hit-snippet').allTextContents()).join('\n')
    expect(snippets).toContain(MARKER)
    await expectInert(page.getByTestId('result-list'))

    // Snippets that carry the markup itself.
    await input.fill('افتتاحية')
    await input.press('Enter')
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-query', 'افتتاحية')
    await expect(page.getByTestId('result-count')).toHaveAttribute('aria-busy', 'false')
    await expect(page.getByTestId('hit-snippet').first()).toContainText(LITERALS.recordBody)
    await expectInert(page.getByTestId('result-list'))

    await input.fill('معكوسة')
    await input.press('Enter')
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-query', 'معكوسة')
    await expect(page.getByTestId('result-count')).toHaveAttribute('aria-busy', 'false')
    const hit = page.getByTestId('hit-title').filter({ hasText: 'خبر معكوس' })
    await expect(hit).toHaveCount(1)
    const id = Number(/\/article\/(\d+)/.exec((await hit.getAttribute('href')) ?? '')?.[1])
    await expectOverridesIsolated(page, await articleTexts(page, id))
    expectNothingHappened(w)
  } finally {
    await stop(w)
  }
})

test('the comparison view and the timeline PDF show hostile content as text, and nothing runs', async ({ page }) => {
  const w = await serveHostile(page)
  try {
    await page.goto(w.url)
    const list = page.getByTestId('article-list')
    const idOf = async (titlePart: string) => Number(/\/article\/(\d+)/.exec((await list.locator('a', { hasText: titlePart }).getAttribute('href')) ?? '')?.[1])
    const pageId = await idOf('عنوان معكوس')
    const recordId = await idOf('المسموم')
    const reversedId = await idOf('خبر معكوس')
    expect(Math.min(pageId, recordId, reversedId)).toBeGreaterThan(0)

    // Side by side: the web page against the record.
    await page.goto(`${new URL(w.url).origin}/#/compare?a=${pageId}&b=${recordId}`)
    const a = page.getByTestId('column-a')
    const b = page.getByTestId('column-b')
    await expect(a).toBeVisible({ timeout: 30_000 })
    await expect(a).toContainText(LITERALS.htmlBody)
    await expect(b).toContainText(LITERALS.recordBody)
    await expect(b).toContainText(LITERALS.template)
    await expect(page.getByTestId('compare-pair')).toContainText(LITERALS.recordTitle)
    await expectInert(page.getByTestId('compare-pair'))
    // …and with the article that carries U+202E.
    await page.goto(`${new URL(w.url).origin}/#/compare?a=${reversedId}&b=${pageId}`)
    await expect(page.getByTestId('column-a')).toContainText('فقرة معكوسة')
    await expectInert(page.getByTestId('compare-pair'))
    await expectOverridesIsolated(page, [...(await articleTexts(page, reversedId)), ...(await articleTexts(page, pageId))])

    // A timeline of the three, exported as PDF: the markup is in its text, literally.
    await page.goto(`${new URL(w.url).origin}/#/timeline?ids=${pageId},${recordId},${reversedId}`)
    await expect(page.getByTestId('chronology')).toBeVisible({ timeout: 60_000 })
    await expectInert(page.getByTestId('chronology'))
    await page.getByTestId('timeline-name').fill('خط <img src=x onerror=alert(17)> زمني')
    await page.getByTestId('timeline-save').click()
    await expect(page).toHaveURL(/#\/timeline\/\d+/)
    const download = page.waitForEvent('download', { timeout: 120_000 })
    await page.getByTestId('export-pdf').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.pdf$/)
    if (hasPoppler) {
      // pdftotext mirrors and moves brackets around Arabic (bidi), so compare without them: the
      // markup's words are there as text (had it become elements, they would not be).
      const core = (t: string) => squeeze(t).replace(/[<>()/]/g, '')
      const text = core(pdfPages(await file.path()).join(''))
      for (const literal of ['<img src=x onerror=alert(17)>', LITERALS.recordTitle, '<script>alert(6)</script>', '<b onmouseover=alert(16)>العاجل</b>']) expect(text).toContain(core(literal))
    }
    expectNothingHappened(w)
  } finally {
    await stop(w)
  }
})
