/// <reference lib="dom" />
// A writer turns the sample archive's metro story into a chronology: from a search, through editing
// and hiding events, to a saved timeline and its PDF, read back page by page.
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { hasPoppler, pdfPages, squeeze } from '../test-support/pdf'

const QUERY = 'مترو المرجان'
const SHOTS = process.env.ARSHIF_SHOTS // a folder to keep screenshots in while developing

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true })
}

/** Builds the timeline from a search, as the Search view's button does. */
async function buildFromSearch(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('navigation').getByRole('link', { name: 'البحث' }).click()
  const input = page.getByTestId('search-input')
  await input.fill(QUERY)
  await input.press('Enter')
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-query', QUERY)
  await page.getByTestId('timeline-from-search').click()
  await expect(page.getByTestId('chronology')).toBeVisible({ timeout: 30_000 })
}

/**
 * The first words of a label, up to the first digit or mark: pdftotext may reorder digits and
 * diacritics against Arabic letters, but never letters within a run of words.
 */
function words(label: string): string {
  const out: string[] = []
  for (const raw of label.trim().split(/\s+/)) {
    const word = raw.replace(/[،,.:؛]+$/, '')
    if (!/^[\u0621-\u063a\u0641-\u064a]+$/.test(word) || out.length === 5) break
    out.push(word)
    if (word !== raw) break
  }
  expect(out.length, `no plain words at the start of “${label}”`).toBeGreaterThanOrEqual(2)
  return out.join(' ')
}

/** Every event's sortable first day, read from the page in order: what the eye scans down. */
async function eventKeys(page: Page): Promise<string[]> {
  return page.getByTestId('timeline-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-start') ?? ''))
}

// Building a timeline reads and dates every article of its scope, and the PDF is printed by a
// headless Chromium of its own: these tests get three times the usual time.
test.beforeEach(() => test.slow())

test('a timeline built from a search, edited, hidden, saved and exported as a PDF', async ({ page, served }) => {
  if (process.env.ARSHIF_DEBUG) page.on('response', async (r) => r.url().includes('/api/') && console.log(r.url().split('/api/')[1], (await r.text()).slice(0, 300)))
  await buildFromSearch(page, served.url)
  await shot(page, 'built')

  // Chronological, grouped by year, then month.
  const years = await page.getByTestId('group-heading').allTextContents()
  const yearNumbers = years.map((y) => Number(/\d{4}/.exec(y)?.[0]))
  expect(yearNumbers.length).toBeGreaterThanOrEqual(2)
  expect([...yearNumbers].sort()).toEqual(yearNumbers)
  await expect(page.getByTestId('subgroup-heading').first()).toBeVisible()
  const starts = await eventKeys(page)
  expect(starts.length).toBeGreaterThanOrEqual(4)
  expect([...starts].sort()).toEqual(starts)

  const events = page.getByTestId('timeline-event')
  // The event to hide: one whose words no other event shares, so its absence from the PDF means something.
  const labels = (await page.getByTestId('event-label').allTextContents()).map((l) => l.trim())
  const hiddenIndex = labels.findIndex((l, i) => i > 0 && labels.every((o, j) => j === i || words(o) !== words(l)))
  expect(hiddenIndex).toBeGreaterThan(0)
  const hiddenLabel = labels[hiddenIndex]!

  // Edit the first event's words.
  const edited = 'مجلس الوزراء يقر الخط الثالث بصيغة المحرر'
  await events.nth(0).getByTestId('event-edit').click()
  await events.nth(0).getByTestId('event-label-input').fill(edited)
  await events.nth(0).getByTestId('event-save').click()
  await expect(events.nth(0).getByTestId('event-label')).toHaveText(edited)

  // Hide it: it leaves the chronology, and comes back with "show hidden".
  await events.nth(hiddenIndex).getByTestId('event-hide').click()
  await expect(page.getByTestId('event-label').filter({ hasText: hiddenLabel })).toHaveCount(0)
  await page.getByTestId('toggle-hidden').check()
  await expect(page.getByTestId('event-label').filter({ hasText: hiddenLabel })).toHaveCount(1)
  await page.getByTestId('toggle-hidden').uncheck()

  const visibleLabels = await page.getByTestId('event-label').allTextContents()
  expect(visibleLabels[0]).toBe(edited)

  // Save by name: it is listed, and the address names it.
  const name = 'تسلسل مترو المرجان'
  await page.getByTestId('timeline-name').fill(name)
  await page.getByTestId('timeline-save').click()
  await expect(page.getByTestId('saved-timelines')).toContainText(name)
  await expect(page).toHaveURL(/#\/timeline\/\d+/)
  await expect(page.getByTestId('timeline-unsaved')).toHaveCount(0)
  await shot(page, 'saved')

  // Export the PDF (Ctrl+P, as the desktop menu does; the PDF button runs the same export) and read it back.
  const download = page.waitForEvent('download')
  await page.keyboard.press('Control+KeyP')
  await expect(page.getByTestId('timeline-progress')).toBeVisible()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.pdf$/)
  await expect(page.getByTestId('timeline-exported')).toContainText(file.suggestedFilename())
  expect(hasPoppler, 'pdftotext is needed to read the PDF back').toBe(true)
  const text = pdfPages(await file.path()).join('')
  expect(text).toContain(squeeze(name))
  expect(text).toContain(squeeze(edited))
  // Every visible event, in the order of the page; the hidden one nowhere.
  const positions = visibleLabels.map((l) => text.indexOf(squeeze(words(l))))
  expect(positions.every((p) => p >= 0), `${visibleLabels.map(words).join(' | ')} in ${text}`).toBe(true)
  expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  expect(text).not.toContain(squeeze(words(hiddenLabel)))

  // A new timeline, then the saved one again: edits and the hidden event kept; then deleted.
  await page.getByTestId('timeline-new').click()
  await expect(page.getByTestId('timeline-builder')).toBeVisible()
  await page.getByTestId('saved-open').filter({ hasText: name }).click()
  await expect(page.getByTestId('event-label').first()).toHaveText(edited)
  await expect(page.getByTestId('event-label').filter({ hasText: hiddenLabel })).toHaveCount(0)
  await expect(page.getByTestId('toggle-hidden')).toBeEnabled()
  page.once('dialog', (d) => void d.accept())
  await page.getByTestId('saved-delete').click()
  await expect(page.getByTestId('saved-timelines')).not.toContainText(name)
  await expect(page.getByTestId('timeline-unsaved')).toBeVisible() // still on screen, to be saved again if that was a mistake
})

test('zoom, the Hijri twin, an event added by hand at month precision, and an event opening its article at the sentence', async ({ page, served }) => {
  await buildFromSearch(page, served.url)

  await page.getByTestId('zoom-decade').check()
  await expect(page.getByTestId('group-heading').first()).toContainText('2020–2029')
  await page.getByTestId('zoom-month').check()
  const monthHeadings = await page.getByTestId('group-heading').allTextContents()
  expect(monthHeadings.length).toBeGreaterThan(2)
  await page.getByTestId('zoom-year').check()

  await page.getByTestId('toggle-hijri').check()
  await expect(page.getByTestId('event-hijri').first()).toContainText('هـ')

  // A month-precision event sits in its month, without a made-up day.
  await page.getByTestId('add-event-open').click()
  await page.getByTestId('add-label').fill('حدث أضافه المحرر')
  await page.getByTestId('date-precision').selectOption('month')
  await page.getByTestId('date-month').selectOption('08')
  await page.getByTestId('date-year').fill('2024')
  await page.getByTestId('add-event').click()
  const added = page.getByTestId('timeline-event').filter({ hasText: 'حدث أضافه المحرر' })
  await expect(added.getByTestId('event-date')).toHaveText('آب/أغسطس 2024')
  await expect(page.locator('[data-testid="timeline-group"]', { has: added }).getByTestId('group-heading')).toContainText('2024')
  await shot(page, 'zoom-hijri-added')

  // The first source of the first event opens its article with the cited sentence highlighted.
  const first = page.getByTestId('timeline-event').first()
  const label = (await first.getByTestId('event-label').textContent())!.trim()
  await first.getByTestId('event-source').first().click()
  await expect(page).toHaveURL(/#\/article\/\d+\?at=\d+-\d+/)
  const passage = page.locator('.passage mark')
  await expect(passage.first()).toBeVisible()
  const marked = (await passage.allTextContents()).join(' ')
  expect(squeeze(marked)).toContain(squeeze(words(label)))
  await expect(passage.first()).toBeInViewport()
  await shot(page, 'article-at')

  // Back: the timeline is as it was left (the hand-made event included).
  await page.goBack()
  await expect(page.getByTestId('timeline-event').filter({ hasText: 'حدث أضافه المحرر' })).toHaveCount(1)
})

test('in English: a timeline from articles picked by searching inside the Timeline view cites only those', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByTestId('language-toggle').click()
  await page.getByRole('navigation').getByRole('link', { name: 'Timeline' }).click()
  await expect(page.getByTestId('timeline-builder')).toContainText('New timeline')

  await page.getByTestId('way-picked').check()
  await page.getByTestId('pick-query').fill('الخط الثالث')
  await page.getByTestId('pick-search').click()
  const hits = page.getByTestId('pick-hit')
  await expect(hits.first()).toBeVisible()
  await hits.nth(0).check()
  await hits.nth(1).check()
  await expect(page.getByTestId('picked-count')).toHaveText('2 articles picked')
  const picked = (await page.locator('.picked bdi').allTextContents()).map((t) => t.trim())
  expect(picked).toHaveLength(2)
  await page.getByTestId('timeline-build').click()

  await expect(page.getByTestId('chronology')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('timeline-summary')).toContainText('Picked articles: 2')
  const cited = await page.getByTestId('event-source').evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''))
  expect(cited.length).toBeGreaterThan(0)
  for (const title of cited) expect(picked.some((p) => title.includes(p)), title).toBe(true)
  // English dates, no Arabic month names.
  const dates = await page.getByTestId('event-date').allTextContents()
  for (const d of dates) expect(d).toMatch(/^(\d{1,2} )?(Early |Mid-|Late |Q\d )?([A-Z][a-z]+ )?\d{4}$/)
  await shot(page, 'picked-english')

  // The HTML export carries what is on screen.
  const firstLabel = (await page.getByTestId('event-label').first().textContent())!.trim()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-html').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.html$/)
  const html = readFileSync(await file.path(), 'utf8')
  expect(html).toContain(firstLabel)
  for (const p of picked) expect(html).toContain(p)
})
