import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { Archive } from '../archive/archive'
import { tempDir } from '../../../test-support/tmp'
import { article } from '../../../test-support/articles'
import { listBackups, createBackup } from './backup'
import { startBackupScheduler, DAY_MS } from './scheduler'
import { backupsDirOf, readBackupSettings, writeBackupSettings, DEFAULT_BACKUP_SETTINGS } from './settings'

const root = tempDir('arshif-schedule-')

describe('the daily backup', () => {
  it('makes a backup when the newest is a day old, and keeps only the set number of automatic ones', async () => {
    const archive = Archive.open(join(root, 'a'))
    archive.addArticles([article(1), article(2)], null)
    expect(readBackupSettings(archive.dir)).toEqual(DEFAULT_BACKUP_SETTINGS)
    writeBackupSettings(archive.dir, { keep: 2 })
    let clock = Date.UTC(2026, 5, 1, 9)
    const scheduler = startBackupScheduler(archive, { appVersion: 't', timer: false, now: () => new Date(clock) })
    const dir = backupsDirOf(archive.dir)

    expect(await scheduler.check()).toMatchObject({ automatic: true, articleCount: 2 }) // none yet: one now
    clock += DAY_MS / 2
    expect(await scheduler.check()).toBeNull() // half a day later: nothing to do
    expect(listBackups(dir)).toHaveLength(1)
    for (let day = 0; day < 3; day++) {
      clock += DAY_MS
      expect(await scheduler.check()).not.toBeNull()
    }
    expect(listBackups(dir).map((b) => b.createdAt)).toEqual([new Date(clock).toISOString(), new Date(clock - DAY_MS).toISOString()])
    await scheduler.stop()
    archive.close()
  })

  it('does nothing when daily backups are off, and counts a backup made by hand as recent', async () => {
    const archive = Archive.open(join(root, 'b'))
    writeBackupSettings(archive.dir, { daily: false })
    const scheduler = startBackupScheduler(archive, { appVersion: 't', timer: false })
    expect(await scheduler.check()).toBeNull()
    expect(listBackups(backupsDirOf(archive.dir))).toEqual([])

    writeBackupSettings(archive.dir, { daily: true, dir: join(root, 'elsewhere') })
    await createBackup(archive, { dir: join(root, 'elsewhere'), appVersion: 't' })
    expect(await scheduler.check()).toBeNull()
    expect(listBackups(join(root, 'elsewhere'))).toHaveLength(1)
    await scheduler.stop()
    archive.close()
  })

  it('refuses settings out of range and keeps the previous ones', () => {
    const dir = join(root, 'c')
    writeBackupSettings(dir, { keep: 3 })
    expect(() => writeBackupSettings(dir, { keep: 0 })).toThrow()
    expect(readBackupSettings(dir).keep).toBe(3)
  })
})
