// `arshif compare` as a user runs it: a real process on a real archive.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from '../../../test-support/tmp'

const BIN = resolve(import.meta.dirname, '../../../bin/arshif.js')
const dir = tempDir()
const archive = join(dir, 'archive')

function arshif(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--archive', archive], { encoding: 'utf8', env: { ...process.env, ARSHIF_HOME: join(dir, 'home') } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const wire = 'أعلنت قيادة القوات المشتركة أن 4 صواريخ أطلقت من الأراضي اليمنية سقطت على منطقة جازان يوم الخميس دون وقوع إصابات بين المدنيين.'
const second = 'وأضاف المتحدث الرسمي أن الدفاعات الجوية اعترضت صاروخين آخرين قبل وصولهما إلى أهدافهما في المنطقة الحدودية.'
writeFileSync(
  join(dir, 'batch.json'),
  JSON.stringify([
    { title: 'سقوط صواريخ على جازان', content: `${wire}\n${second}`, date: '2015-08-07', source: 'واس' },
    { title: 'صواريخ على جازان', content: `${wire.replace('4 صواريخ', '٣ صواريخ')}\n${second}\nوقال شهود إن أصوات الانفجارات سمعت في أنحاء المدينة.`, date: '2015-08-08', source: 'الرياض' },
  ]),
)

describe('arshif compare', () => {
  it('prints the comparison as JSON: figures, passages with ranges in both texts, summary', () => {
    expect(arshif('import', join(dir, 'batch.json')).code).toBe(0)
    const r = arshif('compare', '1', '2', '--json')
    expect(r.code).toBe(0)
    const c = JSON.parse(r.stdout)
    expect(Object.keys(c).sort()).toEqual(['a', 'b', 'figures', 'metadata', 'passages', 'rows', 'summary'])
    expect([c.a.id, c.b.id]).toEqual([1, 2])
    expect(c.summary).toMatchObject({ addedParagraphs: 1, removedParagraphs: 0, sharedPassages: 1, figureDifferences: 1 })
    expect(c.summary.line.en).toMatch(/^B reprints 9\d% of A and adds one paragraph$/)
    const [p] = c.passages
    expect(p.a.ranges[0]).toEqual({ paragraph: 0, start: wire.indexOf('صواريخ'), end: wire.length - 1 })
    expect(c.b.paragraphs.join('\n\n').slice(p.b.bodyStart, p.b.bodyEnd)).toBe(p.text)
    expect(c.figures[0]).toMatchObject({ kind: 'number', a: { text: '4 صواريخ', value: '4' }, b: { text: '٣ صواريخ', value: '3' } })
  })

  it('prints it for people, with the ranges, and saves HTML', () => {
    const html = join(dir, 'c.html')
    const r = arshif('compare', '1', '2', '--html', html)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('B reprints')
    expect(r.stdout).toContain('ب تعيد نشر')
    expect(r.stdout).toMatch(/number: A ¶1 31–39 «4 صواريخ»\s+≠\s+B ¶1 31–39 «٣ صواريخ»/)
    expect(r.stdout).toMatch(/\[1\] \d+ words «صواريخ أطلقت/)
    expect(r.stdout).toMatch(/A ¶1 33–\d+, ¶2 0–\d+ {3}body 33–\d+/)
    expect(r.stderr).toContain('Saved the comparison')
    expect(existsSync(html)).toBe(true)
    expect(readFileSync(html, 'utf8')).toContain('<html lang="ar" dir="rtl">')
  })

  it('says what is wrong with the call', () => {
    const missing = arshif('compare', '1', '99')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('There is no article 99')
    const one = arshif('compare', '1')
    expect(one.code).toBe(2)
    expect(one.stderr).toContain('compare needs two article ids')
  })
})
