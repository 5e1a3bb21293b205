// `arshif timeline` as a user runs it: a real process on a real archive folder.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from '../../test-support/tmp'

const BIN = resolve(import.meta.dirname, '../../bin/arshif.js')
const dir = tempDir('arshif-cli-timeline-')
const archive = join(dir, 'archive')

function arshif(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--archive', archive], { encoding: 'utf8', env: { ...process.env, ARSHIF_HOME: join(dir, 'home') } })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const articles = [
  { title: 'توقيع اتفاقية الميناء', content: 'وقعت الحكومة في 30 حزيران 2009 اتفاقية جديدة مع الشركات الأجنبية لتطوير الميناء.', date: '2015-08-07', source: 'الرصد اليومي' },
  { title: 'الميناء بعد ست سنوات', content: 'وقعت الحكومة في 30 حزيران 2009 اتفاقية جديدة مع الشركات الأجنبية لتطوير الميناء.\n\nوافتتح الوزير أمس المرحلة الأولى من الميناء الجديد.', date: '2015-08-08', source: 'صوت المدينة' },
]
writeFileSync(join(dir, 'batch.json'), JSON.stringify(articles))

describe('arshif timeline', { timeout: 120_000 }, () => {
  it('lists the merged events in order, and writes CSV, HTML and JSON', () => {
    expect(arshif('import', join(dir, 'batch.json')).code).toBe(0)
    const text = arshif('timeline', '--ids', '1,2')
    expect(text.code).toBe(0)
    expect(text.stderr).toMatch(/2 events \(0 undated\) from 3 date mentions in 2 articles/)
    expect(text.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^30 يونيو 2009 +وقعت الحكومة اتفاقية جديدة مع الشركات الأجنبية لتطوير الميناء +\[1,2\]$/),
      expect.stringMatching(/^7 أغسطس 2015 +افتتح الوزير المرحلة الأولى من الميناء الجديد +\[2\]$/),
    ])

    const csv = join(dir, 'out.csv')
    const html = join(dir, 'out.html')
    const both = arshif('timeline', '--ids', '1,2', '--title', 'الميناء', '--csv', csv, '--html', html, '--json')
    expect(both.code).toBe(0)
    expect(readFileSync(csv, 'utf8')).toMatch(/^\ufeffdate,precision,part,hijri,label,sources\r\n"2009-06-30","day"/)
    expect(readFileSync(html, 'utf8')).toContain('<h1 dir="auto">الميناء</h1>')
    const json = JSON.parse(both.stdout)
    expect(json).toMatchObject({ name: 'الميناء', scope: { ids: [1, 2] }, range: { from: '2009-06-30', to: '2015-08-07' } })
    expect(json.events[0].sources.map((s: { articleId: number }) => s.articleId)).toEqual([1, 2])
  })

  it('says what is missing: no scope is a usage error, an unknown collection an error', () => {
    const none = arshif('timeline')
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/timeline needs --query, --collection or --ids/)
    const missing = arshif('timeline', '--collection', 'لا توجد')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no collection named "لا توجد"/)
    expect(arshif('timeline', '--ids', '1,x').code).toBe(2)
  })
})
