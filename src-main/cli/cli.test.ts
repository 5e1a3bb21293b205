// The `arshif` command as a user runs it: a real process, real files, stdout/stderr/exit code.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from '../../test-support/tmp'

const BIN = resolve(import.meta.dirname, '../../bin/arshif.js')
const dir = tempDir()
const archive = join(dir, 'archive')

function arshif(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ARSHIF_HOME: join(dir, 'home') } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const articles = [
  { title: 'افتتاح معرض الكتاب في مدينة النخيل', content: 'افتتح أمس معرض الكتاب السنوي.\nويستمر عشرة أيام.', date: '2024-05-02', source: 'الرصد اليومي', author: 'سلمى الحسيني' },
  { title: 'ارتفاع أسعار الخضار قبل رمضان', content: 'شهدت الأسواق ارتفاعاً في أسعار الخضار.', date: '2024-03-01', source: 'صوت المدينة', author: '' },
]
writeFileSync(join(dir, 'batch.json'), JSON.stringify(articles))

describe('arshif CLI', () => {
  it('prints help and version', () => {
    const help = arshif('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/import <paths…>/)
    expect(help.stdout).toMatch(/--archive DIR/)
    const version = arshif('--version')
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('imports files into an archive, reporting on stderr and the batch as JSON on stdout', () => {
    const r = arshif('import', join(dir, 'batch.json'), '--archive', archive, '--json')
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/2 articles added/)
    const report = JSON.parse(r.stdout)
    expect(report.counts).toMatchObject({ files: 1, added: 2, duplicates: 0, failed: 0 })
  })

  it('does not import the same batch twice', () => {
    const r = arshif('import', join(dir, 'batch.json'), '--archive', archive)
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/0 articles added, 2 duplicates skipped/)
  })

  it('searches with the query language, as JSON with id, title, source, date, score and snippet', () => {
    const archive = join(dir, 'search-archive')
    expect(arshif('import', join(dir, 'batch.json'), '--archive', archive).code).toBe(0)
    const r = arshif('search', 'اسعار', '--archive', archive, '--json')
    expect(r.code).toBe(0)
    const hits = JSON.parse(r.stdout)
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({ title: 'ارتفاع أسعار الخضار قبل رمضان', source: 'صوت المدينة', date: '2024-03-01' })
    expect(typeof hits[0].id).toBe('number')
    expect(hits[0].score).toBeGreaterThan(0)
    expect(hits[0].snippet).toContain('أسعار')
    expect(r.stderr).toMatch(/1 results/)

    // An article imported since is found at once: the import brings the saved index up to date,
    // so the search loads it instead of building it again.
    writeFileSync(join(dir, 'more.json'), JSON.stringify([{ title: 'أسعار الذهب تتراجع', content: 'تراجعت أسعار الذهب اليوم.', date: '2024-06-01', source: 'الرصد اليومي' }]))
    const more = arshif('import', join(dir, 'more.json'), '--archive', archive)
    expect(more.code).toBe(0)
    expect(more.stderr).toMatch(/search index up to date: 3 articles/)
    const searched = arshif('search', 'الاسعار', '--archive', archive, '--json', '--sort', 'date_desc')
    expect(searched.stderr).not.toMatch(/building the search index/)
    const again = JSON.parse(searched.stdout)
    expect(again.map((h: { title: string }) => h.title)).toEqual(['أسعار الذهب تتراجع', 'ارتفاع أسعار الخضار قبل رمضان'])
    expect(JSON.parse(arshif('search', '"أسعار الذهب"', '--archive', archive, '--json').stdout)).toHaveLength(1)

    const bad = arshif('search', '--archive', archive)
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/search needs a query/)
  })

  it('extracts the dates of a text, from a file or standard input, resolving relative ones against --reference-date', () => {
    const text = 'أعلنت الوزارة أمس أن المشروع الذي بدأ في 26 كانون الثاني 2021 سينتهي مطلع العام المقبل، أي قبل 15 شوال 1444هـ.\nوشارك 300 جندي في العملية.'
    writeFileSync(join(dir, 'dates.txt'), text)
    const r = arshif('extract-dates', join(dir, 'dates.txt'), '--reference-date', '2022-05-10', '--json')
    expect(r.code).toBe(0)
    const found = JSON.parse(r.stdout) as { text: string; date: string; precision: string; start: number; end: number; sentence: string }[]
    expect(found.map((m) => [m.text, m.date])).toEqual([
      ['أمس', '2022-05-09'],
      ['26 كانون الثاني 2021', '2021-01-26'],
      ['مطلع العام المقبل', '2023'],
      ['15 شوال 1444هـ', '2023-05-05'],
    ])
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text)
    expect(found[1]!.sentence).toContain('أعلنت الوزارة')
    expect(found[1]!.sentence).not.toContain('جندي')

    const piped = spawnSync(process.execPath, [BIN, 'extract-dates', '-'], { input: text, encoding: 'utf8' })
    expect(piped.status).toBe(0)
    expect(piped.stdout).toMatch(/2021-01-26\s+day\s+26 كانون الثاني 2021/)
    expect(piped.stdout).toMatch(/relative: give --reference-date/)
    expect(arshif('extract-dates', join(dir, 'nope.txt')).stderr).toMatch(/does not exist/)
    expect(arshif('extract-dates', '-', '--reference-date', 'yesterday').code).toBe(2)
  })

  it('lists articles as JSON with id, title, date, source and author, newest first', () => {
    const r = arshif('list', '--archive', archive, '--json')
    expect(r.code).toBe(0)
    const list = JSON.parse(r.stdout)
    expect(list).toEqual([
      { id: expect.any(Number), title: articles[0]!.title, date: '2024-05-02', source: 'الرصد اليومي', author: 'سلمى الحسيني' },
      { id: expect.any(Number), title: articles[1]!.title, date: '2024-03-01', source: 'صوت المدينة', author: null },
    ])
    expect(JSON.parse(arshif('list', '--archive', archive, '--json', '--limit', '1').stdout)).toHaveLength(1)
  })

  it('shows one article, and fails clearly for one that does not exist', () => {
    const [first] = JSON.parse(arshif('list', '--archive', archive, '--json').stdout)
    const shown = arshif('show', String(first.id), '--archive', archive)
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain('افتتح أمس معرض الكتاب السنوي.')
    const json = JSON.parse(arshif('show', String(first.id), '--archive', archive, '--json').stdout)
    expect(json.paragraphs).toEqual(['افتتح أمس معرض الكتاب السنوي.', 'ويستمر عشرة أيام.'])
    const missing = arshif('show', '9999', '--archive', archive)
    expect(missing.code).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toMatch(/no article 9999/)
  })

  it('exits non-zero with a reason for a bad command, a bad option or a missing file', () => {
    expect(arshif('frobnicate').code).toBe(2)
    expect(arshif('list', '--limit', 'many', '--archive', archive).stderr).toMatch(/--limit takes a whole number/)
    expect(arshif('list', '--colour').code).toBe(2)
    const missing = arshif('import', join(dir, 'nope.json'), '--archive', archive)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/does not exist/)
  })

  it('refuses an archive that is not a database, without touching it', () => {
    const bad = join(dir, 'bad')
    arshif('list', '--archive', bad)
    writeFileSync(join(bad, 'archive.sqlite'), 'not sqlite')
    const r = arshif('list', '--archive', bad)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/not an Arshif archive/)
  })

  it('uses $ARSHIF_HOME when no --archive is given', () => {
    const r = arshif('list', '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual([])
  })
})
