/// <reference lib="dom" />
// Importing through the window as an archivist would: a folder (with a sub-folder) of 150 small
// Arabic articles, a CSV and a binary file chosen with the folder picker; the progress, then the
// report with the bad file and its reason; search finds an imported article; the status bar counts
// it; Undo removes the batch. And a CSV with odd column names whose mapping is corrected by hand.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'

const ARTICLES = 150
const TOPICS = ['الزراعة', 'المطر', 'النقل', 'التعليم', 'الصحة', 'الموانئ']

function makeFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'arshif-import-e2e-'))
  const dir = join(root, 'أخبار-الأسبوع')
  mkdirSync(join(dir, 'ملحق'), { recursive: true })
  for (let i = 1; i <= ARTICLES; i++) {
    const topic = TOPICS[i % TOPICS.length]
    // Article 77 carries a word no other article has, for the search.
    const extra = i === 77 ? ' وشارك فيه فريق الزمرّدة للبحث البحري.' : ''
    const text = `خبر رقم ${i} عن ${topic}\n\nأعلنت الجهات المختصة اليوم تفاصيل جديدة في ملف ${topic} ضمن التقرير رقم ${i}.${extra}\n\nوقال مسؤول إن العمل مستمر حتى نهاية العام.`
    writeFileSync(join(dir, i % 2 ? '' : 'ملحق', `خبر-${String(i).padStart(3, '0')}.txt`), text)
  }
  writeFileSync(join(dir, 'جدول.csv'), 'title,content,date\n"افتتاح سوق الكتب","افتتح سوق الكتب السنوي أبوابه للزوار صباح اليوم.",2024-05-01\n"موسم الحصاد","بدأ موسم حصاد القمح في السهول الشمالية.",2024-05-02\n')
  writeFileSync(join(dir, 'تالف.bin'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x13, 0x37]))
  return root
}

/** The number in the status bar ("123 مقال في الأرشيف"). */
async function statusCount(page: Page): Promise<number> {
  const text = (await page.locator('footer.status span').first().textContent()) ?? ''
  return Number(/\d+/.exec(text)?.[0] ?? NaN)
}

async function openImport(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('navigation').getByRole('link', { name: 'الاستيراد' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'الاستيراد' })).toBeVisible()
  await expect.poll(() => statusCount(page)).toBeGreaterThan(0)
}

async function searchFor(page: Page, q: string) {
  await page.getByRole('navigation').getByRole('link', { name: 'البحث' }).click()
  const input = page.getByTestId('search-input')
  await input.fill(q)
  await input.press('Enter')
  // The index may be catching up with the import (or saving itself) first: a generous wait on a busy machine.
  await expect(page.getByTestId('result-count')).toHaveAttribute('data-query', q, { timeout: 60_000 })
  await expect(page.getByTestId('result-count')).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 })
}

// Two imports, the search index catching up twice: more than the default minute on a shared machine.
test.describe.configure({ timeout: 240_000 })

test('a folder imported through the window: progress, report with the bad file, search finds it, undo removes it', async ({ page, served }) => {
  const root = makeFolder()
  try {
    await openImport(page, served.url)
    const before = await statusCount(page)

    await page.getByTestId('import-folder-input').setInputFiles(join(root, 'أخبار-الأسبوع'))
    const ready = page.getByTestId('import-ready')
    await expect(ready).toBeVisible()
    await expect(ready).toContainText('152 ملفات')
    await expect(page.getByLabel('اسم الدفعة')).toHaveValue('أخبار-الأسبوع')
    // The CSV is previewed with its automatic mapping.
    await expect(page.getByTestId('import-mapping-0')).toContainText('جدول.csv')
    await expect(page.getByTestId('import-preview-table').locator('tbody tr').first()).toContainText('افتتاح سوق الكتب')
    await page.screenshot({ path: test.info().outputPath('ready.png'), fullPage: true })

    const bar = page.getByRole('progressbar', { name: 'تقدّم الاستيراد' })
    const barSeen = bar.waitFor({ state: 'visible' })
    await page.getByTestId('import-start').click()
    await barSeen
    await expect(page.getByTestId('import-cancel')).toBeVisible()

    const report = page.getByTestId('import-report')
    await expect(report).toBeVisible({ timeout: 60_000 })
    await expect(report).toContainText('اكتمل الاستيراد')
    await expect(page.getByTestId('import-count-files').locator('dd')).toHaveText('152')
    await expect(page.getByTestId('import-count-added').locator('dd')).toHaveText('152')
    await expect(page.getByTestId('import-count-duplicates').locator('dd')).toHaveText('0')
    await expect(page.getByTestId('import-count-failed').locator('dd')).toHaveText('1')
    // The bad file comes first, marked failed, with its reason.
    const firstProblem = page.getByTestId('import-report-problems').locator(':scope > li').first()
    await expect(firstProblem).toContainText('تالف.bin')
    await expect(firstProblem).toContainText('فشل')
    await expect(firstProblem.locator('.reasons li')).toHaveText(['يبدو هذا الملف ثنائياً لا نصّياً، فلا يمكن استيراده.'])
    await page.screenshot({ path: test.info().outputPath('report.png'), fullPage: true })

    // The status bar counts the new articles.
    await expect.poll(() => statusCount(page)).toBe(before + 152)

    // The batch is in the history.
    const row = page.getByTestId('import-history').locator('tbody tr').first()
    await expect(row).toContainText('أخبار-الأسبوع')
    await expect(row.getByTestId('import-batch-status')).toHaveText('اكتمل')

    // Search finds an imported article (the index catches up with what the import worker added).
    await searchFor(page, 'الزمردة')
    await expect(page.getByTestId('search-hit')).toHaveCount(1)
    await expect(page.getByTestId('hit-title')).toHaveText(`خبر رقم 77 عن ${TOPICS[77 % TOPICS.length]}`)

    // Undo, confirmed, removes the batch's articles.
    await page.getByRole('navigation').getByRole('link', { name: 'الاستيراد' }).click()
    const batchRow = page.getByTestId('import-history').locator('tbody tr').first()
    await batchRow.getByTestId('import-undo').click()
    await expect(batchRow).toContainText('حذف 152 مقال أضافتها هذه الدفعة؟')
    await batchRow.getByTestId('import-undo-confirm').click()
    await expect(batchRow.getByTestId('import-batch-status')).toHaveText('تم التراجع عنه')
    await expect.poll(() => statusCount(page)).toBe(before)
    await searchFor(page, 'الزمردة')
    await expect(page.getByTestId('search-hit')).toHaveCount(0)
    expect(served.problems).toEqual([])
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})

test('a CSV with odd column names: the mapping is corrected in the preview and the articles get the right titles', async ({ page, served }) => {
  const root = mkdtempSync(join(tmpdir(), 'arshif-import-csv-'))
  try {
    // `headline_no` looks like a title column by its name but holds numbers; the titles are in `عنوان_مختصر`.
    const csv = join(root, 'تصدير.csv')
    writeFileSync(
      csv,
      'headline_no,عنوان_مختصر,نص_كامل\n501,"جسر المرجان يفتح للسيارات","افتتح جسر المرجان أمام حركة السيارات بعد ثلاث سنوات من العمل."\n502,"مهرجان التمور في الواحة","انطلق مهرجان التمور السنوي في الواحة بمشاركة مئات المزارعين."\n',
    )
    await openImport(page, served.url)
    await page.getByTestId('import-files-input').setInputFiles(csv)
    const mapping = page.getByTestId('import-mapping-0')
    const firstRow = page.getByTestId('import-preview-table').locator('tbody tr').first()
    await expect(mapping).toBeVisible()
    // Automatic: the numbers were taken for titles.
    await expect(mapping.getByLabel('العنوان')).toHaveValue('headline_no')
    await expect(firstRow.locator('td.title')).toHaveText('501')

    await mapping.getByLabel('العنوان').selectOption('عنوان_مختصر')
    await expect(firstRow.locator('td.title')).toHaveText('جسر المرجان يفتح للسيارات')
    await expect(mapping.getByLabel('النص')).toHaveValue('نص_كامل')
    await page.screenshot({ path: test.info().outputPath('mapping.png'), fullPage: true })

    await page.getByTestId('import-start').click()
    await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('import-count-added').locator('dd')).toHaveText('2')

    await searchFor(page, '"جسر المرجان"')
    await expect(page.getByTestId('hit-title')).toHaveText(['جسر المرجان يفتح للسيارات'])
    expect(served.problems).toEqual([])
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})

test('files dropped on the window in another view open the Import view with them', async ({ page, served }) => {
  await page.goto(served.url)
  await expect(page.getByRole('navigation')).toBeVisible()
  await page.evaluate(() => {
    const dt = new DataTransfer()
    dt.items.add(new File(['عنوان الخبر المسحوب\n\nنص الخبر الذي سُحب وأُفلت على النافذة.'], 'مسحوب.txt', { type: 'text/plain' }))
    const target = document.querySelector('main')!
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }))
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
  })
  await expect(page.getByRole('heading', { level: 1, name: 'الاستيراد' })).toBeVisible()
  const ready = page.getByTestId('import-ready')
  await expect(ready).toContainText('ملف واحد')
  await expect(page.getByLabel('اسم الدفعة')).toHaveValue('مسحوب.txt')
  await page.getByTestId('import-start').click()
  await expect(page.getByTestId('import-count-added').locator('dd')).toHaveText('1', { timeout: 60_000 })
  expect(served.problems).toEqual([])
})

test('a cancelled import of a typed folder path is resumed from the history and completes', async ({ page, served }) => {
  const FILES = 5000
  const root = mkdtempSync(join(tmpdir(), 'arshif-import-resume-'))
  try {
    // Enough files that the import is still going when the cancel arrives (300 took ~0.1 s to write, 3,000 about a second).
    for (let i = 1; i <= FILES; i++) writeFileSync(join(root, `r${String(i).padStart(4, '0')}.txt`), `تقرير الاستئناف رقم ${i}\n\nنص التقرير رقم ${i} عن حركة الملاحة في الميناء.`)
    await openImport(page, served.url)
    const before = await statusCount(page)
    await page.getByTestId('import-path').fill(root)
    await page.getByTestId('import-path').press('Enter')
    await expect(page.getByTestId('import-ready')).toBeVisible()
    await page.getByTestId('import-start').click()
    await page.getByTestId('import-cancel').click()
    await expect(page.getByTestId('import-report')).toContainText('أُلغي الاستيراد', { timeout: 60_000 })
    const row = page.getByTestId('import-history').locator('tbody tr').first()
    await expect(row.getByTestId('import-batch-status')).toHaveText('أُلغي')

    await row.getByTestId('import-resume').click()
    await expect(page.getByTestId('import-report')).toContainText('اكتمل الاستيراد', { timeout: 120_000 })
    await expect(page.getByTestId('import-count-added').locator('dd')).toHaveText(String(FILES))
    await expect(page.getByTestId('import-count-failed').locator('dd')).toHaveText('0')
    await expect(row.getByTestId('import-batch-status')).toHaveText('اكتمل')
    await expect.poll(() => statusCount(page)).toBe(before + FILES)
    expect(served.problems).toEqual([])
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})
