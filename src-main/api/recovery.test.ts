import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { Archive } from '../core/archive/archive'
import { createBackup } from '../core/backup'
import { corruptDatabaseFile } from '../core/backup/test-helpers'
import { JobRegistry } from '../core/jobs'
import { tempDir } from '../../test-support/tmp'
import { article } from '../../test-support/articles'
import { dispatch } from './dispatch'
import { createHandlers } from './handlers'
import { openRecoverable } from './recovery'

const root = tempDir('arshif-recovery-')

function openEngine(dir: string) {
  const archive = Archive.open(dir)
  return { handlers: createHandlers({ archive, host: 'serve', version: 't', jobs: new JobRegistry() }), close: async () => archive.close() }
}

describe('starting on a damaged archive', () => {
  it('runs in recovery mode (the damage, the backups, a restore) and then as the full engine', async () => {
    const dir = join(root, 'archive')
    const archive = Archive.open(dir)
    archive.addArticles(Array.from({ length: 20 }, (_, i) => article(i + 1)), null)
    const backup = await createBackup(archive, { appVersion: 't' })
    archive.addArticles(Array.from({ length: 300 }, (_, i) => article(100 + i, { paragraphs: ['فقرة طويلة '.repeat(150)] })), null)
    archive.close()
    corruptDatabaseFile(join(dir, 'archive.sqlite'))

    const engine = await openRecoverable({ archiveDir: dir, host: 'serve', version: 't', open: () => openEngine(dir) })
    const call = (m: string, a: unknown = {}) => dispatch(engine.handlers, m, a, () => {})
    expect(engine.damage).toMatch(/damaged/)
    const info = await call('app.info')
    expect(info).toMatchObject({ ok: true, value: { recovery: { reason: expect.stringMatching(/damaged/), backupsDir: join(root, 'archive-backups') } } })
    expect(await call('articles.list')).toMatchObject({ ok: false, error: { code: 'archive_corrupt' } })
    expect(await call('backup.create')).toMatchObject({ ok: false, error: { code: 'archive_corrupt' } })
    expect(await call('settings.get')).toEqual({ ok: true, value: { locale: 'ar' } })
    const list = await call('backup.list')
    expect(list).toMatchObject({ ok: true, value: { backups: [{ id: backup.id, articleCount: 20 }] } })
    // Only ids of this archive's backups: no paths.
    expect(await call('backup.restore', { id: '../../etc' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })

    expect(await call('backup.restore', { id: backup.id })).toMatchObject({ ok: true, value: { articleCount: 20, restored: { id: backup.id } } })
    expect(engine.damage).toBeNull()
    expect(await call('articles.list', { limit: 100 })).toMatchObject({ ok: true, value: { total: 20 } })
    expect((await call('app.info')) as { value: { recovery?: unknown } }).not.toHaveProperty('value.recovery')
    // In normal mode an open archive is not replaced under the app's feet.
    expect(await call('backup.restore', { id: backup.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    await engine.close()
  })

  it('opens a healthy archive normally and lets other failures through', async () => {
    const dir = join(root, 'healthy')
    const engine = await openRecoverable({ archiveDir: dir, host: 'serve', version: 't', open: () => openEngine(dir) })
    expect(engine.damage).toBeNull()
    expect(await dispatch(engine.handlers, 'articles.list', {})).toMatchObject({ ok: true })
    await engine.close()
    await expect(openRecoverable({ archiveDir: dir, host: 'serve', version: 't', open: () => { throw new Error('disk on fire') } })).rejects.toThrow('disk on fire')
  })
})

describe('backup handlers', () => {
  it('make a backup as a job, list it, and keep the settings', async () => {
    const dir = join(root, 'handlers')
    const jobs = new JobRegistry()
    const archive = Archive.open(dir)
    const handlers = createHandlers({ archive, host: 'serve', version: '1.2.3', jobs })
    const call = (m: string, a: unknown = {}) => dispatch(handlers, m, a, () => {})
    const started = (await call('backup.create')) as { ok: true; value: { id: string } }
    const done = await jobs.wait(started.value.id)
    expect(done).toMatchObject({ state: 'done', kind: 'backup', result: { appVersion: '1.2.3', automatic: false } })
    expect(await call('backup.list')).toMatchObject({ ok: true, value: { backups: [{ id: (done.result as { id: string }).id }] } })
    expect(await call('backup.settings.get')).toEqual({ ok: true, value: { daily: true, keep: 7 } })
    expect(await call('backup.settings.set', { daily: false, keep: 3 })).toEqual({ ok: true, value: { daily: false, keep: 3 } })
    expect(await call('backup.settings.set', { keep: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(await call('backup.settings.set', { keep: 2, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(await call('backup.settings.set', { dir: join(root, 'other') })).toMatchObject({ ok: true, value: { dir: join(root, 'other') } })
    expect(await call('backup.settings.set', { dir: null })).toEqual({ ok: true, value: { daily: false, keep: 3 } })
    archive.close()
  })
})
