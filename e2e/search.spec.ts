/// <reference lib="dom" />
// Searching the bundled sample as a researcher would: typing without hamza or diacritics, narrowing
// by outlet, the strictness switches, phrases, completions, the keyboard, and reading a hit with its
// matches highlighted. Expected articles are worked out here from the sample file itself.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures'

interface SampleArticle {
  title: string
  source: string
  paragraphs: string[]
}
const sample = JSON.parse(readFileSync(resolve(import.meta.dirname, '../resources/sample/articles.json'), 'utf8')) as SampleArticle[]

// A simple normalizer, enough to say which sample articles must be found: no diacritics or tatweel,
// and (unless kept) one alef, ya for alef maqsura, ha for ta marbuta, bare waw and ya for hamza seats.
const normalize = (s: string, keepHamza = false) => {
  const bare = s.replace(/[\u064b-\u065f\u0670\u0640]/g, '')
  return keepHamza ? bare : bare.replace(/[أإآٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').replace(/ؤ/g, 'و').replace(/ئ/g, 'ي')
}
const wordsOf = (s: string, keepHamza = false) => normalize(s, keepHamza).split(/[^\p{L}\p{N}]+/u).filter(Boolean)
const CLITICS = /^(?:وال|بال|كال|فال|لل|ال|و|ب|ل|ف)(?=..)/
const fullText = (a: SampleArticle) => `${a.title}\n${a.paragraphs.join('\n')}`
/** Articles with the word in them, clitics aside (the engine also finds other forms: a lower bound). */
const withWord = (word: string) => sample.filter((a) => wordsOf(fullText(a)).some((w) => w === word || w.replace(CLITICS, '') === word))
/** Articles with exactly this surface word, hamza as written (what "match hamza forms" asks for). */
const withSurfaceWord = (word: string) => sample.filter((a) => wordsOf(fullText(a), true).includes(word))
/** Articles with these words next to each other, in this order. */
const withPhrase = (phrase: string) => {
  const needle = wordsOf(phrase)
  return sample.filter((a) => {
    const hay = wordsOf(fullText(a))
    return hay.some((_, i) => needle.every((w, j) => hay[i + j] === w))
  })
}
const titles = (list: SampleArticle[]) => list.map((a) => a.title).sort()

async function openSearch(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('navigation').getByRole('link', { name: 'البحث' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'البحث' })).toBeVisible()
}

async function search(page: Page, q: string) {
  const input = page.getByTestId('search-input')
  await input.fill(q)
  await input.press('Enter')
  // The count names the query it answers, so an older answer on screen is never mistaken for this one.
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-query', q)
  await expect(page.getByTestId('result-count')).toHaveAttribute('aria-busy', 'false')
}

/** The total the page announces ("12 نتيجة"), 0 for "لا نتائج". */
async function shownTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('result-count').locator('strong').textContent()) ?? ''
  if (text.includes('لا نتائج')) return 0
  if (text.includes('نتيجة واحدة')) return 1
  return Number(/\d+/.exec(text)?.[0] ?? NaN)
}

const hitTitles = (page: Page) => page.getByTestId('hit-title')
const shownTitles = async (page: Page) => (await hitTitles(page).allTextContents()).map((t) => t.trim()).sort()
const markTexts = async (scope: Locator) => (await scope.locator('mark').allTextContents()).map((t) => t.trim())

test('finds words typed without hamza, diacritics or tatweel, and highlights them', async ({ page, served }) => {
  await openSearch(page, served.url)

  // اسعار (no hamza) finds أسعار and الأسعار.
  const expected = withWord('اسعار')
  expect(expected.length).toBeGreaterThan(1)
  await search(page, 'اسعار')
  const shown = await shownTitles(page)
  for (const title of titles(expected)) expect(shown).toContain(title)
  expect(await shownTotal(page)).toBe(shown.length)
  const marks = await markTexts(page.getByTestId('result-list'))
  expect(marks.length).toBeGreaterThan(0)
  for (const m of marks) expect(normalize(m).replace(CLITICS, '')).toBe('اسعار') // every mark is a form of the word
  expect(marks.some((m) => m.includes('أسعار'))).toBe(true)

  // الحكومه (ha, no tatweel) finds the title written الحكـــومة, and marks it as written.
  const tatweel = sample.find((a) => a.title.includes('ـ'))!
  await search(page, 'الحكومه')
  const hit = page.getByTestId('search-hit').filter({ hasText: tatweel.title })
  await expect(hit).toBeVisible()
  await expect(hit.getByTestId('hit-title').locator('mark').first()).toHaveText(tatweel.title.split(' ')[0]!)

  // The result count says how many matched and how long it took, politely to screen readers.
  await expect(page.getByTestId('result-count')).toHaveAttribute('aria-live', 'polite')
  await expect(page.getByTestId('result-count')).toContainText('ملّي ثانية')
  expect(served.problems).toEqual([])
})

test('lists the articles matching only some of the words below a divider', async ({ page, served }) => {
  await openSearch(page, served.url)
  const both = withWord('الحكومه').filter((a) => withWord('مخطوط').includes(a))
  const either = [...new Set([...withWord('الحكومه'), ...withWord('مخطوط')])]
  expect(both).toEqual([])
  expect(either.length).toBeGreaterThanOrEqual(2)
  await search(page, 'الحكومه مخطوط')
  await expect(page.getByTestId('partial-divider')).toHaveText('نتائج تطابق بعض الكلمات فقط')
  const shown = await shownTitles(page)
  for (const title of titles(either)) expect(shown).toContain(title)
  await expect(page.getByTestId('result-count')).toContainText('منها 0 تطابق كل الكلمات')
})

test('narrows the results by outlet with a facet, shown as a removable chip', async ({ page, served }) => {
  await openSearch(page, served.url)
  await search(page, 'السنابل')
  const before = await shownTotal(page)
  expect(before).toBeGreaterThanOrEqual(withWord('السنابل').length)

  const facet = page.getByTestId('facet-source').getByRole('button', { pressed: false }).last()
  const outlet = (await facet.locator('.facet-name').textContent())!.trim()
  const count = Number(await facet.locator('.facet-count').textContent())
  expect(count).toBeLessThan(before)
  await facet.click()
  await expect.poll(() => shownTotal(page)).toBe(count)
  await expect(page.getByTestId('facet-source').getByRole('button', { name: outlet })).toHaveAttribute('aria-pressed', 'true')
  for (const meta of await page.getByTestId('search-hit').locator('.source').allTextContents()) expect(meta).toBe(outlet)

  const chip = page.getByTestId('active-filters').getByRole('button', { name: new RegExp(outlet) })
  await expect(chip).toBeVisible()
  await chip.click()
  await expect.poll(() => shownTotal(page)).toBe(before)
  await expect(page.getByTestId('active-filters')).toHaveCount(0)
})

test('"match hamza forms" makes a hamza-less query find only hamza-less text', async ({ page, served }) => {
  await openSearch(page, served.url)
  await search(page, 'اسعار')
  const loose = await shownTotal(page)
  expect(loose).toBeGreaterThanOrEqual(withWord('اسعار').length)

  const strict = withSurfaceWord('اسعار')
  expect(strict.length).toBeLessThan(loose)
  const hamza = page.getByRole('checkbox', { name: 'مطابقة أشكال الهمزة' })
  await expect(hamza).not.toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'مطابقة التشكيل' })).not.toBeChecked()
  await hamza.check()
  await expect.poll(() => shownTotal(page)).toBe(strict.length)
  if (strict.length === 0) await expect(page.getByTestId('no-results')).toBeVisible()

  // Typed with its hamza, the word is found again.
  await search(page, 'أسعار')
  await expect.poll(() => shownTotal(page)).toBeGreaterThanOrEqual(withSurfaceWord('أسعار').length)
  expect(withSurfaceWord('أسعار').length).toBeGreaterThan(0)
})

test('finds an exact phrase in quotes, in that order only', async ({ page, served }) => {
  await openSearch(page, served.url)
  const expected = withPhrase('الخط الثالث')
  expect(expected.length).toBeGreaterThan(1)
  await search(page, '"الخط الثالث"')
  expect(await shownTitles(page)).toEqual(titles(expected))
  await expect(page.getByTestId('partial-divider')).toHaveCount(0)

  await search(page, '«الثالث الخط»')
  expect(await shownTotal(page)).toBe(withPhrase('الثالث الخط').length)
})

test('opens a hit with every match highlighted and the first one scrolled into view', async ({ page, served }) => {
  await page.setViewportSize({ width: 1000, height: 520 })
  await openSearch(page, served.url)
  // An article where the word comes late: its first match is below the fold.
  const target = withWord('اسعار').find((a) => !wordsOf(a.title).some((w) => w.endsWith('اسعار')) && !wordsOf(a.paragraphs[0]!).some((w) => w.endsWith('اسعار')))!
  expect(target).toBeTruthy()
  await search(page, 'اسعار')
  await page.getByTestId('hit-title').filter({ hasText: target.title }).click()

  const article = page.getByTestId('article')
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(target.title)
  expect(page.url()).toContain('q=')
  const marks = article.locator('.body mark')
  await expect(marks.first()).toBeVisible()
  const expectedMarks = target.paragraphs.flatMap((p) => wordsOf(p).filter((w) => w.replace(CLITICS, '') === 'اسعار'))
  expect(await marks.count()).toBeGreaterThanOrEqual(expectedMarks.length)
  for (const m of await markTexts(article.locator('.body'))) expect(normalize(m).replace(CLITICS, '')).toBe('اسعار')
  await expect(marks.first()).toBeInViewport()
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0)
  await expect(page.getByTestId('match-bar')).toContainText('لـ«اسعار»')

  // Back to the results, with the query still there.
  await page.getByTestId('back-to-results').click()
  await expect(page.getByTestId('search-input')).toHaveValue('اسعار')
  await expect(page.getByTestId('hit-title').filter({ hasText: target.title })).toBeVisible()
  expect(served.problems).toEqual([])
})

test('offers completions for the word being typed, from the keyboard', async ({ page, served }) => {
  await openSearch(page, served.url)
  // "/" brings the focus to the search box from anywhere that is not a text field.
  await page.locator('h1').click()
  await page.keyboard.press('/')
  const input = page.getByTestId('search-input')
  await expect(input).toBeFocused()
  await expect(input).toHaveAttribute('role', 'combobox')

  await input.pressSequentially('السنا', { delay: 20 })
  const listbox = page.getByRole('listbox')
  await expect(listbox).toBeVisible()
  await expect(input).toHaveAttribute('aria-expanded', 'true')
  const options = listbox.getByRole('option')
  expect(await options.count()).toBeGreaterThan(0)
  await page.keyboard.press('ArrowDown')
  await expect(options.first()).toHaveAttribute('aria-selected', 'true')
  await expect(input).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!)
  const chosen = (await options.first().textContent())!.trim()
  await page.keyboard.press('Enter')
  await expect(input).toHaveValue(`${chosen} `)
  await expect(listbox).toBeHidden()
  await expect.poll(() => shownTotal(page)).toBeGreaterThan(0)

  // Escape closes the list and keeps what was typed.
  await input.pressSequentially('الطوا', { delay: 20 })
  await expect(listbox).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(listbox).toBeHidden()
  await expect(input).toHaveValue(`${chosen} الطوا`)
})

test('walks the result list with the arrow keys and opens a hit with Enter', async ({ page, served }) => {
  await openSearch(page, served.url)
  await search(page, 'السنابل')
  expect(await shownTotal(page)).toBeGreaterThan(3)
  const links = hitTitles(page)
  await links.first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(links.nth(1)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await expect(links.nth(1)).toBeFocused()
  await page.keyboard.press('End')
  const last = page.locator('[data-testid="hit-title"]:focus')
  await expect(last).toHaveCount(1)
  const title = (await last.textContent())!.trim()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('article').getByRole('heading', { level: 1 })).toHaveText(title)
})

test('says it in English too', async ({ page, served }) => {
  await openSearch(page, served.url)
  await page.getByTestId('language-toggle').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Match diacritics' })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Match hamza forms' })).toBeVisible()
  await page.getByTestId('search-input').fill('الحكومه مخطوط')
  await page.getByTestId('search-input').press('Enter')
  await expect(page.getByTestId('partial-divider')).toHaveText('Results matching only some of the words')
  await page.getByTestId('query-help').locator('summary').click()
  await expect(page.getByTestId('query-help')).toContainText('A phrase in quotes')
  await page.getByTestId('language-toggle').click()
})
