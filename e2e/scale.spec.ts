/// <reference lib="dom" />
// A researcher's archive is not 19 articles: with 10,000 hits the result list stays light (only
// the rows in view exist in the page), scrolls to the end, and opens the last hit.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect } from '@playwright/test'
import { startServe } from './fixtures'

const HITS = 10_000
const OUTLETS = ['الرصد اليومي', 'صوت المدينة', 'النهار الرقمي', 'الشروق الجديد']

test('keeps a list of 10,000 hits light and smooth, down to the last one', async ({ page }) => {
  test.setTimeout(180_000)
  const dir = mkdtempSync(join(tmpdir(), 'arshif-e2e-scale-'))
  const archiveDir = join(dir, 'archive')
  const lines = Array.from({ length: HITS }, (_, i) =>
    JSON.stringify({
      title: `تقرير رقم ${i + 1} عن موسم القمح في الوادي`,
      content: `يتناول التقرير ${i + 1} حصاد القمح هذا العام.\nوتوقع المزارعون في القرية ${i % 97} موسماً أفضل من الذي سبقه.`,
      date: `20${10 + (i % 14)}-0${1 + (i % 9)}-1${i % 10}`,
      source: OUTLETS[i % OUTLETS.length],
    }),
  )
  writeFileSync(join(dir, 'batch.jsonl'), lines.join('\n'))
  const imported = spawnSync(process.execPath, [resolve(import.meta.dirname, '../bin/arshif.js'), 'import', join(dir, 'batch.jsonl'), '--archive', archiveDir], { encoding: 'utf8' })
  expect(imported.status, imported.stderr).toBe(0)

  const { url, child } = await startServe(archiveDir, ['--no-sample'])
  try {
    await page.goto(url)
    await page.getByRole('navigation').getByRole('link', { name: 'البحث' }).click()
    const input = page.getByTestId('search-input')
    await input.fill('القمح')
    await input.press('Enter')
    await expect(page.getByTestId('result-count')).toHaveAttribute('data-query', 'القمح', { timeout: 60_000 })
    await expect(page.getByTestId('result-count')).toHaveAttribute('aria-busy', 'false')
    const announced = (await page.getByTestId('result-count').locator('strong').textContent()) ?? ''
    const digits = announced.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[^0-9]/g, '')
    expect(Number(digits)).toBe(HITS)

    const rows = page.getByTestId('hit-title')
    const rendered = await rows.count()
    expect(rendered).toBeGreaterThan(3)
    expect(rendered).toBeLessThan(100)

    // End goes to the last hit; the page still holds only a screenful of rows.
    await rows.first().focus()
    await page.keyboard.press('End')
    const last = page.locator(`[data-index="${HITS - 1}"]`)
    await expect(last).toBeVisible()
    await expect(last.getByTestId('hit-title')).toContainText('تقرير رقم')
    expect(await rows.count()).toBeLessThan(100)

    // Scrolling a long way with the wheel keeps rows on screen (no blank page while it catches up).
    await page.keyboard.press('Home')
    await expect(page.locator('[data-index="0"]')).toBeVisible()
    const list = page.getByTestId('result-list')
    for (let i = 0; i < 10; i++) await list.evaluate((el) => el.scrollBy(0, 4000))
    await expect(rows.first()).toBeVisible()
    const scrolled = await page.locator('[data-index]').first().getAttribute('data-index')
    expect(Number(scrolled)).toBeGreaterThan(100)
  } finally {
    child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
})
