// `arshif backup` and `arshif restore` as a user runs them: real processes, real folders.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from '../../test-support/tmp'
import { corruptDatabaseFile } from '../core/backup/test-helpers'

const BIN = resolve(import.meta.dirname, '../../bin/arshif.js')
const dir = tempDir('arshif-cli-backup-')
const archive = join(dir, 'archive')

function arshif(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ARSHIF_HOME: join(dir, 'home') } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const articles = Array.from({ length: 60 }, (_, i) => ({ title: `خبر رقم ${i + 1} عن مدينة النخيل`, content: `نص الخبر ${i + 1}. `.repeat(80), date: '2024-05-02', source: 'الرصد اليومي' }))
writeFileSync(join(dir, 'batch.json'), JSON.stringify(articles))

describe('arshif backup / restore', { timeout: 120_000 }, () => {
  it('backs up beside the archive, lists it, and restores it into an empty folder', () => {
    expect(arshif('import', join(dir, 'batch.json'), '--archive', archive).code).toBe(0)
    const made = arshif('backup', '--archive', archive, '--json')
    expect(made.code).toBe(0)
    const info = JSON.parse(made.stdout)
    expect(info).toMatchObject({ articleCount: 60, automatic: false })
    expect(info.path.startsWith(join(dir, 'archive-backups'))).toBe(true)

    const list = arshif('backup', 'list', '--archive', archive)
    expect(list.stdout).toContain(info.id)
    expect(list.stderr).toMatch(/1 backups in/)

    const restored = arshif('restore', info.path, '--archive', join(dir, 'restored'))
    expect(restored.code).toBe(0)
    expect(restored.stderr).toMatch(/It is whole: 60 articles/)
    expect(arshif('list', '--archive', join(dir, 'restored'), '--json', '--limit', '100').stdout).toContain('خبر رقم 60 عن')
  })

  it('refuses to replace an archive that holds articles without --force, then replaces a damaged one with it', () => {
    const id = JSON.parse(arshif('backup', 'list', '--archive', archive, '--json').stdout)[0].id
    const refused = arshif('restore', id, '--archive', archive)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/already holds an archive.*--force/)

    corruptDatabaseFile(join(archive, 'archive.sqlite'))
    expect(arshif('list', '--archive', archive).stderr).toMatch(/damaged/)
    const forced = arshif('restore', id, '--archive', archive, '--force')
    expect(forced.code).toBe(0)
    expect(forced.stderr).toMatch(/kept as .*archive\.sqlite\.replaced-/)
    expect(JSON.parse(arshif('list', '--archive', archive, '--json', '--limit', '100').stdout)).toHaveLength(60)
    expect(readdirSync(archive).some((f) => f.startsWith('archive.sqlite.replaced-'))).toBe(true)
  })

  it('checks a backup before using it: a damaged one is refused and nothing is written', () => {
    const made = JSON.parse(arshif('backup', '--archive', archive, '--to', join(dir, 'elsewhere'), '--json').stdout)
    corruptDatabaseFile(join(made.path, 'archive.sqlite'))
    const r = arshif('restore', made.path, '--archive', join(dir, 'never'))
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/cannot be used: .*checksum/)
    expect(existsSync(join(dir, 'never', 'archive.sqlite'))).toBe(false)
  })
})
