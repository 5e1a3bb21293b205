/// <reference lib="dom" />
// "Also published by" under an article: the sample's floods wire story (وكالة الأنباء المتحدة) was
// reprinted by two papers; each reprint points back to it. Links open the other article or the
// side-by-side comparison.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { test, expect } from './fixtures'

interface SampleArticle {
  title: string
  source: string
}
const sample = JSON.parse(readFileSync(resolve(import.meta.dirname, '../resources/sample/articles.json'), 'utf8')) as SampleArticle[]
const bySource = (source: string) => sample.find((a) => a.source === source && a.title.includes('السنابل'))!
const WIRE = bySource('وكالة الأنباء المتحدة')
const DAILY = bySource('الرصد اليومي')

test('an article lists the outlets that reprinted it, with similarity, and links to them and to the comparison', async ({ page, served }) => {
  await page.goto(served.url)
  await page.getByRole('link', { name: WIRE.title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WIRE.title)

  const also = page.getByTestId('also-published-by')
  await expect(also.getByRole('heading', { level: 2 })).toHaveText('نُشر أيضاً في')
  const items = also.getByTestId('also-item')
  await expect(items).toHaveCount(2)
  await expect(items.getByTestId('also-outlet')).toHaveText(['الرصد اليومي', 'الشروق الجديد'])
  await expect(items.first()).toContainText(/تشابه \d{2}\u200e?[%٪]/)
  await expect(items.first()).toContainText('أعاد نشر هذا المقال')
  await page.screenshot({ path: test.info().outputPath('also-published-by.png'), fullPage: true })

  // The comparison link carries both ids; the outlet link opens the reprint, which points back.
  const wireId = /#\/article\/(\d+)/.exec(page.url())![1]
  await expect(items.first().getByTestId('also-compare')).toHaveAttribute('href', new RegExp(`#/compare\\?a=${wireId}&b=\\d+$`))
  await expect(items.first().getByTestId('also-compare')).toHaveAccessibleName('قارن هذا المقال بما نشره الرصد اليومي')
  await items.getByTestId('also-outlet').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(DAILY.title)
  await expect(page.getByTestId('also-item')).toHaveCount(1)
  await expect(page.getByTestId('also-outlet')).toHaveText('وكالة الأنباء المتحدة')
  await expect(page.getByTestId('also-item')).toContainText('نُشر قبل هذا المقال')

  // In English too.
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByTestId('also-published-by').getByRole('heading', { level: 2 })).toHaveText('Also published by')
  await expect(page.getByTestId('also-item')).toContainText(/\d{2}\u200e?% alike/)
  expect(served.problems).toEqual([])
})

test('an article without near-duplicates shows no such section', async ({ page, served }) => {
  await page.goto(served.url)
  const other = sample.find((a) => !a.title.includes('السنابل'))!
  await page.getByRole('link', { name: other.title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(other.title)
  await expect(page.getByTestId('similar-articles')).toBeVisible()
  await expect(page.getByTestId('also-published-by')).toHaveCount(0)
})
