/// <reference lib="dom" />
// Comparing how outlets reported the same event, on the sample's floods story: the United News
// wire (وكالة الأنباء المتحدة) and Al-Shorouk's reprint of it (الشروق الجديد), which rewrites a few
// words, moves the date, drops a paragraph and writes حيي where the wire has حيّي.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect, expectArabicFont } from './fixtures'

interface SampleArticle {
  title: string
  source: string
  paragraphs: string[]
}
const sample = JSON.parse(readFileSync(resolve(import.meta.dirname, '../resources/sample/articles.json'), 'utf8')) as SampleArticle[]
const bySource = (source: string) => sample.find((a) => a.source === source && a.title.includes('السنابل'))!
const WIRE = bySource('وكالة الأنباء المتحدة')
const REPRINT = bySource('الشروق الجديد')

async function searchFloods(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('navigation').getByRole('link', { name: 'البحث' }).click()
  const input = page.getByTestId('search-input')
  await input.fill('سيول السنابل')
  await input.press('Enter')
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-query', 'سيول السنابل')
}

// Every test starts its own server on a fresh archive, builds the search index and compares: on a
// busy machine that alone can take most of the default minute, so these tests get three.
test.describe.configure({ timeout: 180_000 })

const hit = (page: Page, title: string) => page.getByTestId('search-hit').filter({ has: page.getByTestId('hit-title').getByText(title, { exact: true }) })

/** The scroll position of a column, once it has stopped changing. */
const scrollTopOf = (column: Locator) => column.evaluate((el) => el.scrollTop)

/** Whether an element lies inside the visible part of its scrolling column. */
async function visibleInColumn(column: Locator, el: Locator): Promise<boolean> {
  const col = await column.elementHandle()
  return el.evaluate((node, c) => {
    const r = node.getBoundingClientRect()
    const box = (c as HTMLElement).getBoundingClientRect()
    return r.top >= box.top - 1 && r.bottom <= box.bottom + 1
  }, col)
}

test('two hits picked in the search results open side by side, with the figures on top', async ({ page, served }) => {
  await searchFloods(page, served.url)

  // Tick the wire story and its reprint; the keyboard works the tick box too.
  await hit(page, WIRE.title).getByTestId('hit-pick').check()
  const selection = page.getByTestId('compare-selection')
  await expect(selection).toContainText('مقال واحد مختار')
  await expect(selection).toContainText('اختر مقالاً آخر للمقارنة.')
  await hit(page, REPRINT.title).getByTestId('hit-pick').focus()
  await page.keyboard.press('Space')
  await expect(selection).toContainText('مقالان مختاران')
  await selection.getByTestId('compare-selected').click()

  await expect(page).toHaveURL(/#\/compare\?a=\d+&b=\d+/)
  const columnA = page.getByTestId('column-a')
  const columnB = page.getByTestId('column-b')
  await expect(page.getByTestId('compare-meta').first()).toContainText(WIRE.title)
  await expect(page.getByTestId('compare-meta').first()).toContainText(WIRE.source)
  await expect(page.getByTestId('compare-meta').nth(1)).toContainText(REPRINT.title)
  // The outlets differ: marked, in words for screen readers too.
  await expect(page.getByTestId('compare-meta').first().locator('[data-field="source"]')).toHaveAttribute('data-differs', 'true')
  await expect(page.getByTestId('compare-meta').first().locator('[data-field="source"]')).toContainText('يختلف عن الجانب الآخر')

  // Every paragraph of each article is in its column, in order.
  await expect(columnA.locator('p[data-paragraph]')).toHaveText(WIRE.paragraphs)
  await expect(columnB.locator('p[data-paragraph]')).toHaveText(REPRINT.paragraphs)
  // Aligned rows: the two columns draw the same rows at the same heights.
  const rowTops = (column: Locator) => column.locator(':scope > .row').evaluateAll((rows) => rows.map((r) => Math.round(r.getBoundingClientRect().height)))
  await expect.poll(async () => JSON.stringify(await rowTops(columnA))).toBe(JSON.stringify(await rowTops(columnB)))
  // The wire's last paragraph has no counterpart in the reprint: an empty cell stands opposite.
  await expect(columnB.getByTestId('empty-cell')).toHaveCount(1)

  // The summary: how much of each is in the other, the passages, and the plain sentence.
  const summary = page.getByTestId('compare-summary')
  await expect(summary.getByTestId('summary-aInB')).toContainText(/^\d+٪/)
  await expect(summary.getByTestId('summary-bInA')).toContainText(/^\d+٪/)
  const passageCount = Number(await summary.getByTestId('summary-passages').locator('strong').textContent())
  expect(passageCount).toBeGreaterThan(0)
  await expect(summary.getByTestId('summary-line')).toContainText(/^ب تعيد نشر \d+٪ من أ/)
  // The date differs (the 13th in the wire, the 14th in the reprint): called out.
  await expect(page.getByTestId('compare-figures')).toContainText('13 تشرين الثاني')
  await expect(page.getByTestId('compare-figures')).toContainText('14 نوفمبر')

  // Shared passages: the same passage has the same colour in both columns, neighbours differ.
  const passages = columnA.getByTestId('shared-passage')
  const ids = [...new Set(await passages.evaluateAll((els) => els.map((e) => e.getAttribute('data-passage'))))]
  expect(ids.length).toBe(passageCount)
  const colour = (column: Locator, id: string) => column.locator(`[data-passage="${id}"]`).first().evaluate((e) => getComputedStyle(e).backgroundColor)
  for (const id of ids) expect(await colour(columnB, id!)).toBe(await colour(columnA, id!))
  expect(await colour(columnA, ids[0]!)).not.toBe(await colour(columnA, ids[1]!))

  await expectArabicFont(page, '[data-testid="column-a"] p[data-paragraph]')
  await page.screenshot({ path: test.info().outputPath('compare-pair.png') })
  expect(served.problems).toEqual([])
})

test('word changes are marked on the original text, but a difference in diacritics is not', async ({ page, served }) => {
  await searchFloods(page, served.url)
  await hit(page, WIRE.title).getByTestId('hit-pick').check()
  await hit(page, REPRINT.title).getByTestId('hit-pick').check()
  await page.getByTestId('compare-selected').click()
  const columnA = page.getByTestId('column-a')
  const columnB = page.getByTestId('column-b')

  // حتفهم (wire) became مصرعهم (reprint): struck through in A, underlined in B.
  const removed = columnA.locator('del', { hasText: 'حتفهم' })
  const added = columnB.locator('ins', { hasText: 'مصرعهم' })
  await expect(removed).toBeVisible()
  await expect(added).toBeVisible()
  expect(await removed.evaluate((e) => getComputedStyle(e).textDecorationLine)).toContain('line-through')
  expect(await added.evaluate((e) => getComputedStyle(e).textDecorationLine)).toContain('underline')
  await expect(page.getByTestId('compare-legend')).toContainText('كلمات في (أ) وليست في (ب)')

  // حيّي (with shadda) against حيي: the same word, so neither side marks it.
  expect(WIRE.paragraphs[1]).toContain('حيّي')
  expect(REPRINT.paragraphs[1]).toContain('حيي ')
  await expect(columnA.locator('p[data-paragraph="1"]')).toContainText('حيّي')
  await expect(columnA.locator('del', { hasText: 'حيّي' })).toHaveCount(0)
  await expect(columnB.locator('ins', { hasText: 'حيي' })).toHaveCount(0)
})

test('clicking a shared passage brings its twin into view in the other column; scrolling together is a switch', async ({ page, served }) => {
  await searchFloods(page, served.url)
  await hit(page, WIRE.title).getByTestId('hit-pick').check()
  await hit(page, REPRINT.title).getByTestId('hit-pick').check()
  await page.getByTestId('compare-selected').click()
  const columnA = page.getByTestId('column-a')
  const columnB = page.getByTestId('column-b')
  await expect(columnA.getByTestId('shared-passage').first()).toBeVisible()

  // Together: scrolling A scrolls B to the same rows.
  await columnA.evaluate((el) => (el.scrollTop = 300))
  const apart = async () => Math.abs((await scrollTopOf(columnB)) - (await scrollTopOf(columnA)))
  await expect.poll(apart).toBeLessThanOrEqual(1)
  expect(await scrollTopOf(columnA)).toBeGreaterThan(0)

  // Apart: A goes to its end, B stays at the top.
  await page.getByTestId('sync-scroll').uncheck()
  await columnA.evaluate((el) => (el.scrollTop = 0))
  await columnB.evaluate((el) => (el.scrollTop = 0))
  await columnA.evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect.poll(() => scrollTopOf(columnA)).toBeGreaterThan(0)
  expect(await scrollTopOf(columnB)).toBe(0)

  // The last passage of A, now in view; its twin in B is below B's fold until the click.
  const last = columnA.getByTestId('shared-passage').last()
  const id = await last.getAttribute('data-passage')
  const twins = columnB.locator(`[data-passage="${id}"]`)
  for (const twin of await twins.all()) expect(await visibleInColumn(columnB, twin)).toBe(false)
  await last.click()
  const twin = columnB.locator('[data-passage]:focus')
  await expect(twin).toHaveAttribute('data-passage', id!)
  await expect.poll(() => scrollTopOf(columnB)).toBeGreaterThan(0)
  await expect.poll(() => visibleInColumn(columnB, twin)).toBe(true)
  // The passage clicked did not move.
  expect(await visibleInColumn(columnA, last)).toBe(true)
  await page.screenshot({ path: test.info().outputPath('compare-jump.png') })

  // And from the keyboard: Enter on a passage in B goes back to A's.
  await columnA.evaluate((el) => (el.scrollTop = 0))
  await twin.press('Enter')
  await expect(columnA.locator('[data-passage]:focus')).toHaveAttribute('data-passage', id!)
  await expect.poll(() => scrollTopOf(columnA)).toBeGreaterThan(0)
})

test('the Similar articles under an article lead to the side-by-side view', async ({ page, served }) => {
  await searchFloods(page, served.url)
  await hit(page, WIRE.title).getByTestId('hit-title').click()
  await expect(page.getByTestId('article')).toContainText(WIRE.paragraphs[0]!)

  const similar = page.getByTestId('similar-articles')
  await expect(similar.getByRole('heading', { name: 'مقالات مشابهة' })).toBeVisible()
  const items = similar.getByTestId('similar-item')
  await expect(items.first()).toBeVisible()
  expect(await items.count()).toBeLessThanOrEqual(10)
  // The reprints are the most similar, each with its score.
  const reprint = items.filter({ hasText: REPRINT.title })
  await expect(reprint).toContainText(/\d+٪/)
  await expect(items.filter({ hasText: WIRE.title })).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('similar.png'), fullPage: true })

  await reprint.getByTestId('similar-compare').click()
  await expect(page).toHaveURL(/#\/compare\?a=\d+&b=\d+/)
  await expect(page.getByTestId('compare-meta').first()).toContainText(WIRE.title)
  await expect(page.getByTestId('compare-meta').nth(1)).toContainText(REPRINT.title)
  await expect(page.getByTestId('column-b').locator('p[data-paragraph]')).toHaveText(REPRINT.paragraphs)
})

test('three picked articles: the first against the others in a coverage table, each row opening the pair', async ({ page, served }) => {
  const third = bySource('الرصد اليومي')
  await searchFloods(page, served.url)
  for (const a of [WIRE, REPRINT, third]) await hit(page, a.title).getByTestId('hit-pick').check()
  await page.getByTestId('compare-selected').click()
  await expect(page).toHaveURL(/#\/compare\?base=\d+&others=\d+%2C\d+|#\/compare\?base=\d+&others=\d+,\d+/)
  const table = page.getByTestId('compare-coverage')
  await expect(table).toContainText(WIRE.title)
  const rows = table.getByTestId('coverage-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: REPRINT.title }).getByTestId('coverage-base-in-other')).toContainText(/^\d+٪$/)
  await rows.filter({ hasText: third.title }).getByTestId('coverage-open').click()
  await expect(page.getByTestId('compare-meta').nth(1)).toContainText(third.title)
})

test('with nothing chosen the view explains how to choose; the comparison exports as HTML, and as PDF with Ctrl+P', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('navigation').getByRole('link', { name: 'المقارنة' }).click()
  await expect(page.getByTestId('compare-empty')).toContainText('من البحث')
  await page.getByTestId('compare-go-search').click()
  await expect(page.getByTestId('search-input')).toBeVisible()

  const input = page.getByTestId('search-input')
  await input.fill('سيول السنابل')
  await input.press('Enter')
  await hit(page, WIRE.title).getByTestId('hit-pick').check()
  await hit(page, REPRINT.title).getByTestId('hit-pick').check()
  await page.getByTestId('compare-selected').click()
  await expect(page.getByTestId('column-a')).toBeVisible()

  const download = page.waitForEvent('download')
  await page.getByTestId('export-html').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.html$/)
  const html = readFileSync(await file.path(), 'utf8')
  expect(html).toContain(WIRE.title)
  expect(html).toContain(REPRINT.title)
  await expect(page.getByTestId('export-outcome')).toContainText(file.suggestedFilename())

  // Ctrl+P (the desktop menu's Export) prints the comparison to PDF.
  const pdfDownload = page.waitForEvent('download')
  await page.keyboard.press('Control+p')
  const pdf = await pdfDownload
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/)
  expect(readFileSync(await pdf.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  await expect(page.getByTestId('export-outcome')).toContainText(pdf.suggestedFilename())
})
