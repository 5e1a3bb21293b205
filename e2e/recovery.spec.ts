/// <reference lib="dom" />
// A damaged archive is never silently recreated: a backup made from the app, then the archive file
// damaged in the middle, then `arshif serve` starts on the recovery screen; restoring the backup
// brings the app back with its articles.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { test, expect } from '@playwright/test'
import { startServe } from './fixtures'
import { Archive } from '../src-main/core/archive/archive'
import { corruptDatabaseFile } from '../src-main/core/backup/test-helpers'

const westernDigits = (s: string) => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660))

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await new Promise((r) => child.once('exit', r))
}

test('starts on the recovery screen for a damaged archive and restores it from a backup', async ({ page }) => {
  test.setTimeout(180_000)
  const root = mkdtempSync(join(tmpdir(), 'arshif-e2e-recovery-'))
  const archiveDir = join(root, 'archive')
  const dialogs: string[] = []
  page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()))
  // Daily backups off: this test makes its own, by hand (the schedule has unit tests).
  mkdirSync(archiveDir)
  writeFileSync(join(archiveDir, 'backup-settings.json'), JSON.stringify({ daily: false, keep: 7 }))
  let served = await startServe(archiveDir) // the sample is loaded into the new archive
  try {
    // 1. A backup made with the button in the Archive view.
    await page.goto(served.url)
    const count = page.getByTestId('article-count')
    await expect(count).toContainText(/\d|[٠-٩]/)
    const sampleCount = Number(westernDigits((await count.textContent()) ?? '').replace(/\D/g, ''))
    expect(sampleCount).toBeGreaterThan(10)
    const panel = page.getByTestId('backup-panel')
    await expect(panel.getByText('لا نسخ احتياطية بعد.')).toBeVisible()
    await panel.getByTestId('backup-now').click()
    await expect(panel.getByTestId('backup-done')).toContainText('تمّت النسخة الاحتياطية')
    await expect(panel.getByTestId('backup-list').locator('li')).toHaveCount(1)
    await stop(served.child)
    expect(readdirSync(join(root, 'archive-backups'))).toHaveLength(1)

    // 2. More articles after the backup, then the file damaged in the middle.
    const archive = Archive.open(archiveDir)
    archive.addArticles(Array.from({ length: 400 }, (_, i) => ({ title: `مقال بعد النسخة ${i}`, paragraphs: ['نص طويل بعد النسخة الاحتياطية. '.repeat(60)] })), null)
    archive.close()
    corruptDatabaseFile(join(archiveDir, 'archive.sqlite'))

    // 3. The app starts on the recovery screen, not on a new empty archive.
    served = await startServe(archiveDir)
    await page.goto(served.url)
    const recovery = page.getByTestId('recovery')
    await expect(recovery.getByRole('heading', { level: 1, name: 'الأرشيف تالف' })).toBeVisible()
    await expect(page.getByTestId('article-list')).toHaveCount(0)
    const restore = recovery.getByTestId('recovery-backups').getByRole('button')
    await expect(restore).toHaveCount(1)
    await expect(restore).toContainText('استعِد النسخة المصنوعة في')
    await recovery.getByText('التفاصيل').click()
    await expect(recovery.locator('.reason')).toContainText('damaged')

    // 4. Restoring brings the articles of the backup back, and the app works again.
    await restore.click()
    await expect(recovery.getByTestId('recovery-restored')).toContainText('استُعيد الأرشيف')
    await recovery.getByTestId('recovery-open').click()
    await expect(page.getByTestId('recovery')).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 1, name: 'الأرشيف' })).toBeVisible()
    await expect(page.getByTestId('article-list').locator('li').first()).toBeVisible()
    await expect.poll(async () => Number(westernDigits((await page.getByTestId('article-count').textContent()) ?? '').replace(/\D/g, ''))).toBe(sampleCount)
    await page.getByTestId('article-list').locator('li a').first().click()
    await expect(page.getByTestId('article').locator('.body p').first()).toBeVisible()
    // The damaged file was kept aside, not deleted.
    expect(readdirSync(archiveDir).some((f) => f.startsWith('archive.sqlite.replaced-'))).toBe(true)
    expect(dialogs).toEqual([])
  } finally {
    await stop(served.child)
    rmSync(root, { recursive: true, force: true })
  }
})
