/// <reference lib="dom" />
// The walking skeleton, as a newcomer meets it: the sample archive in Arabic, right to left,
// an article to read, English one click away, everything reachable from the keyboard.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { test, expect, expectArabicFont } from './fixtures'

const sample = JSON.parse(readFileSync(resolve(import.meta.dirname, '../resources/sample/articles.json'), 'utf8')) as { title: string }[]

test('shows the bundled sample archive in Arabic, right to left', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.getByRole('heading', { level: 1, name: 'الأرشيف' })).toBeVisible()

  const items = page.getByTestId('article-list').locator('li')
  await expect(items.first()).toBeVisible()
  expect(sample.length).toBeGreaterThanOrEqual(15)
  await expect(page.getByTestId('article-count')).toContainText(String(sample.length))
  const shown = await items.locator('a').allTextContents()
  expect(shown.length).toBe(Math.min(25, sample.length))
  for (const title of shown) expect(sample.map((s) => s.title)).toContain(title)

  // The list flows right to left: the title starts at the right edge of its card.
  const card = await items.first().boundingBox()
  const title = await items.first().locator('a').boundingBox()
  expect(card!.x + card!.width - (title!.x + title!.width)).toBeLessThan(40)

  await expectArabicFont(page, '[data-testid="article-list"] a')
  // The token was taken out of the address bar once the page had it.
  expect(page.url()).not.toContain('token=')
  expect(served.problems).toEqual([])
})

test('opens an article to read', async ({ page, served }) => {
  await page.goto(served.url)
  const first = page.getByTestId('article-list').locator('li a').first()
  const title = (await first.textContent())!.trim()
  await first.click()
  const article = page.getByTestId('article')
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(title)
  const paragraphs = article.locator('.body p')
  expect(await paragraphs.count()).toBeGreaterThanOrEqual(3)
  await expect(article.locator('.body')).toHaveAttribute('dir', 'rtl')
  await expect(article.locator('time')).toBeVisible()
  await expectArabicFont(page, '[data-testid="article"] .body p')
  await page.getByRole('link', { name: 'العودة إلى الأرشيف' }).click()
  await expect(page.getByTestId('article-list')).toBeVisible()
  expect(served.problems).toEqual([])
})

test('switches to English and remembers it', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByTestId('language-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: 'Archive' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Search' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Archive' })).toBeVisible()
  await page.getByTestId('language-toggle').click()
  await expect(page.getByRole('heading', { level: 1, name: 'الأرشيف' })).toBeVisible()
})

test('is usable from the keyboard alone', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByTestId('article-list').locator('li').first()).toBeVisible()
  // Tab from the top of the page reaches the skip link, then the navigation.
  await page.keyboard.press('Tab')
  await expect(page.locator('.skip-link')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
  // From the main area, Tab moves into the list of articles; Enter opens the focused one.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(() => document.activeElement?.closest('[data-testid="article-list"]') !== null)) break
  }
  const focusedTitle = await page.evaluate(() => document.activeElement?.textContent?.trim())
  expect(focusedTitle).toBeTruthy()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('article').getByRole('heading', { level: 1 })).toHaveText(focusedTitle!)
})

test('opens search, comparison, timelines and import from the navigation', async ({ page, served }) => {
  await page.goto(served.url)
  for (const [name, heading] of [['البحث', 'البحث'], ['المقارنة', 'المقارنة'], ['الخط الزمني', 'الخط الزمني'], ['الاستيراد', 'الاستيراد']]) {
    await page.getByRole('navigation').getByRole('link', { name }).click()
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  }
})

test('keeps every request on this machine, and refuses API calls without the token', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByTestId('article-list').locator('li a').first().click()
  await expect(page.getByTestId('article')).toBeVisible()
  const origin = new URL(served.url).origin
  expect(served.requests.length).toBeGreaterThan(3)
  for (const url of served.requests) expect(url.startsWith(origin) || url.startsWith('data:')).toBe(true)

  const status = await page.evaluate(async () => (await fetch('./api/app.info', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status)
  expect(status).toBe(401)
})
