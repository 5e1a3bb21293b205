// `arshif import` as a person runs it: --map for a CSV with its own column names, --json for the
// report on stdout while progress stays on stderr, and a clear usage error for an unknown field.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test-support/tmp'
import { parseFieldMap } from './import'

const BIN = resolve(import.meta.dirname, '../../../bin/arshif.js')
const arshif = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' })

describe('arshif import', () => {
  const dir = tempDir()
  const csv = join(dir, 'export.csv')
  // Column names no guess would map: the text is in "x1", the title in "x2".
  writeFileSync(csv, 'x1,x2,x3\n"افتتحت البلدية حديقة جديدة في وسط المدينة.","حديقة جديدة",2015-08-10\n')

  it('maps columns with --map and prints the batch report as JSON on stdout, progress on stderr', { timeout: 120_000 }, () => {
    const run = arshif('import', '--archive', join(dir, 'archive'), csv, '--map', 'body=x1', '--map', 'title=x2', '--map', 'date=x3', '--json')
    expect(run.status).toBe(0)
    const report = JSON.parse(run.stdout)
    expect(report).toMatchObject({ batchId: 1, status: 'done', counts: { files: 1, added: 1, failed: 0 }, files: [{ file: 'export.csv', format: 'csv', status: 'imported' }] })
    expect(run.stderr).toMatch(/importing 1\/1 files · 1 added .* articles\/s · done/)
    expect(run.stderr).toContain('batch 1: 1 articles added')
    const shown = arshif('show', '1', '--archive', join(dir, 'archive'), '--json')
    expect(JSON.parse(shown.stdout)).toMatchObject({ title: 'حديقة جديدة', date: '2015-08-10', paragraphs: ['افتتحت البلدية حديقة جديدة في وسط المدينة.'] })
  })

  it('refuses an unknown field with a usage error (exit code 2)', { timeout: 60_000 }, () => {
    const run = arshif('import', '--archive', join(dir, 'archive'), csv, '--map', 'headline=x2')
    expect(run.status).toBe(2)
    expect(run.stderr).toContain("arshif: --map: unknown field 'headline'; the fields are title, body, date, source, author, url")
    expect(run.stdout).toBe('')
  })

  it('reads field=column pairs, an empty column meaning none', () => {
    expect(parseFieldMap(['title=headline', 'author='])).toEqual({ title: 'headline', author: '' })
    expect(() => parseFieldMap(['title'])).toThrow("--map takes field=column (e.g. --map title=headline), not 'title'")
    expect(() => parseFieldMap(['title=a', 'title=b'])).toThrow("--map: the field 'title' is mapped twice")
  })
})
