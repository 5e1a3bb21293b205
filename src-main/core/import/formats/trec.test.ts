import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusPath, hasCorpus } from '../../../../test-support/corpus'
import { parseFile } from './index'
import { utf8 } from './test-helpers'

const doc = (fields: Record<string, string>) => `<DOC>\n${Object.entries(fields).map(([k, v]) => `<${k}>${v}</${k}>`).join('\n')}\n</DOC>\n`

describe('trec', () => {
  it('reads several <DOC>s with their fields, CAT as a tag', () => {
    const text =
      doc({ DOCNO: 'JA-economy-1-20170125', URL: 'http://x/1', SRC: 'Jawhara FM', CAT: 'economy', TITLE: 'ارتفاع صادرات التمور', TIME: '2017-01-25T14:36:00+01:00', AUTHOR: '', ABSTRACT: '\nملخص\n', TEXT: '\nالفقرة الأولى.\nالفقرة الثانية &amp; الأخيرة.\n' }) +
      doc({ DOCNO: 'JA-sport-2-20160929', SRC: 'Jawhara FM', CAT: 'sport', TITLE: 'فوز الترجي', TIME: '29/09/2016', AUTHOR: 'سامي', TEXT: 'نص.' }) +
      doc({ DOCNO: 'JA-localNews-3-20170120', CAT: 'localNews', TITLE: 'خبر', TIME: '2017-01-20T214300', TEXT: 'نص.' })
    const r = parseFile('JA-mixed.txt', utf8(text))
    expect(r.format).toBe('trec')
    expect(r.problems).toEqual([])
    expect(r.articles).toHaveLength(3)
    expect(r.articles[0]).toEqual({
      title: 'ارتفاع صادرات التمور',
      paragraphs: ['الفقرة الأولى.', 'الفقرة الثانية & الأخيرة.'],
      publishedAt: '2017-01-25T14:36:00+01:00',
      datePrecision: 'datetime',
      source: 'Jawhara FM',
      author: null,
      url: 'http://x/1',
      tags: ['economy'],
    })
    expect(r.articles[1]).toMatchObject({ publishedAt: '2016-09-29', datePrecision: 'day', author: 'سامي', tags: ['sport'] })
    expect(r.articles[2]).toMatchObject({ publishedAt: '2017-01-20T21:43:00', datePrecision: 'datetime' })
  })

  it('uses the abstract when the text is empty, the DOCNO day when TIME is unreadable', () => {
    const r = parseFile('a.trec', utf8(doc({ DOCNO: 'JA-culture-9-20150517', TITLE: 'عنوان', TIME: 'غير معروف', ABSTRACT: 'ملخص الخبر.', TEXT: '  ' })))
    expect(r.articles[0]).toMatchObject({ paragraphs: ['ملخص الخبر.'], publishedAt: '2015-05-17', datePrecision: 'day' })
  })

  it('reports empty titles, empty texts, an unreadable date and an unclosed <DOC>', () => {
    const text = doc({ DOCNO: 'X-1', TITLE: ' ', TIME: '29/09/2016', TEXT: 'نص بلا عنوان.' }) + doc({ DOCNO: 'X-2', TITLE: 'عنوان فقط', TIME: 'أمس', TEXT: '' }) + '<DOC><DOCNO>X-3</DOCNO><TITLE>مقطوع</TITLE><TEXT>نص'
    const r = parseFile('x.txt', utf8(text))
    expect(r.articles.map((a) => a.title)).toEqual(['نص بلا عنوان', 'عنوان فقط', 'مقطوع'])
    expect(r.problems).toEqual([
      { record: 3, reason: expect.stringMatching(/no closing <\/DOC>/) },
      { record: 1, reason: expect.stringMatching(/title is empty/) },
      { record: 2, reason: expect.stringMatching(/text is empty/) },
      { record: 2, reason: expect.stringMatching(/date "أمس" could not be read/) },
    ])
  })
})

describe.skipIf(!hasCorpus)('corpus: ANT', () => {
  // Two whole categories: every file of culture and technology (207 files).
  const files = hasCorpus ? ['culture', 'technology'].flatMap((cat) => readdirSync(corpusPath('ant', cat)).map((f) => [cat, f] as const)) : []

  it('covers both categories', () => {
    expect(files.length).toBe(124 + 83)
  })

  it('parses every file of a category with its title, date, source, tag and text', () => {
    for (const [cat, f] of files) {
      const text = readFileSync(corpusPath('ant', cat, f))
      const r = parseFile(f, text)
      expect(r.format, f).toBe('trec')
      expect(r.articles, f).toHaveLength(1)
      const a = r.articles[0]!
      const raw = text.toString('utf8')
      const title = /<TITLE>([\s\S]*?)<\/TITLE>/.exec(raw)![1]!.replace(/\s+/g, ' ').trim()
      if (title) expect(a.title, f).toBe(title)
      expect(a.publishedAt, f).toMatch(/^20\d\d-\d\d-\d\d/)
      expect(['day', 'datetime'], f).toContain(a.datePrecision)
      // The day in DOCNO (…-YYYYMMDD) agrees with TIME.
      const day = /-(\d{4})(\d\d)(\d\d)<\/DOCNO>/.exec(raw)
      if (day) expect(a.publishedAt!.slice(0, 10), f).toBe(`${day[1]}-${day[2]}-${day[3]}`)
      expect(a.source).toBe('Jawhara FM')
      expect(a.tags).toEqual([cat])
      expect(a.url, f).toMatch(/^http:\/\/www\.jawharafm\.net\//)
    }
  })

  it('reads the three TIME shapes of the corpus', () => {
    const read = (cat: string, f: string) => parseFile(f, readFileSync(corpusPath('ant', cat, f))).articles[0]!
    expect(read('economy', 'JA-economy-32-20170125.txt')).toMatchObject({ publishedAt: '2017-01-25T14:36:00+01:00', datePrecision: 'datetime' })
    expect(read('localNews', 'JA-localNews-41-20170122.txt')).toMatchObject({ publishedAt: '2017-01-22T17:18:00', datePrecision: 'datetime' })
    expect(read('localNews', 'JA-localNews-166-00000000.txt')).toMatchObject({ publishedAt: '2016-09-29', datePrecision: 'day', titleDerived: true })
  })
})
