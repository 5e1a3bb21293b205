import { readFileSync } from 'node:fs'
import { readFirstZipEntry } from '../../../../test-support/zip'
import { describe, expect, it } from 'vitest'
import { corpusPath, hasCorpus } from '../../../../test-support/corpus'
import { parseFile, previewRecords } from './index'
import { parseDelimited, suggestFieldMap } from './records'
import { utf8 } from './test-helpers'

describe('field mapping', () => {
  it('maps common English and Arabic names, case-insensitively', () => {
    expect(suggestFieldMap(['Headline', 'Body', 'PubDate', 'Outlet', 'Byline', 'Link'])).toEqual({ title: 'Headline', body: 'Body', date: 'PubDate', source: 'Outlet', author: 'Byline', url: 'Link' })
    expect(suggestFieldMap(['العنوان', 'النص', 'التاريخ', 'الصحيفة', 'الكاتب', 'الرابط'])).toEqual({ title: 'العنوان', body: 'النص', date: 'التاريخ', source: 'الصحيفة', author: 'الكاتب', url: 'الرابط' })
    expect(suggestFieldMap(['source', 'url', 'date_extracted', 'title', 'author', 'content'])).toEqual({ source: 'source', url: 'url', date: 'date_extracted', title: 'title', author: 'author', body: 'content' })
  })

  it('prefers the full text over a summary, and finds words inside longer keys', () => {
    expect(suggestFieldMap(['description', 'content', 'title'])).toMatchObject({ body: 'content', title: 'title' })
    expect(suggestFieldMap(['articleBody', 'headline', 'datePublished', 'author.name', 'publisher.name'])).toEqual({ body: 'articleBody', title: 'headline', date: 'datePublished', author: 'author.name', source: 'publisher.name' })
    expect(suggestFieldMap(['subtitle', 'id'])).toEqual({})
  })
})

describe('json', () => {
  const articles = [
    { title: 'الخبر الأول', content: 'فقرة أولى.\nفقرة ثانية.', date: '2015-08-07 16:09:35', source: 'سبق', author: '', url: 'http://a/1' },
    { title: 'الخبر الثاني', content: 'نص.', date: '07/08/2015', source: 'عكاظ', author: { name: 'فلان' }, url: 'http://a/2' },
    { title: '', content: 'نص بلا عنوان في هذا السجل. وجملة ثانية.', date: 'قريبا', source: 'الوطن' },
    { title: 'عنوان بلا نص', content: '   ' },
    { title: '', content: '' },
  ]

  it('reads an array of articles, reporting empty titles, empty bodies and bad dates', () => {
    const r = parseFile('a.json', utf8(JSON.stringify(articles)))
    expect(r.format).toBe('json')
    expect(r.fieldMap).toEqual({ title: 'title', body: 'content', date: 'date', source: 'source', author: 'author', url: 'url' })
    expect(r.articles.map((a) => a.title)).toEqual(['الخبر الأول', 'الخبر الثاني', 'نص بلا عنوان في هذا السجل', 'عنوان بلا نص'])
    expect(r.articles[0]).toMatchObject({ paragraphs: ['فقرة أولى.', 'فقرة ثانية.'], publishedAt: '2015-08-07T16:09:35', datePrecision: 'datetime', source: 'سبق', author: null, url: 'http://a/1' })
    expect(r.articles[1]).toMatchObject({ publishedAt: '2015-08-07', datePrecision: 'day', author: 'فلان' })
    expect(r.articles[2]).toMatchObject({ titleDerived: true, publishedAt: null, datePrecision: 'unknown' })
    expect(r.articles[3]!.paragraphs).toEqual([])
    expect(r.problems).toEqual([
      { record: 3, reason: expect.stringMatching(/title is empty/) },
      { record: 3, reason: expect.stringMatching(/date "قريبا" could not be read/) },
      { record: 4, reason: expect.stringMatching(/text is empty/) },
      { record: 5, reason: expect.stringMatching(/Neither a title nor any text.*skipped/) },
    ])
  })

  it('finds the array inside an object, or takes a single article object', () => {
    const wrapped = parseFile('w.json', utf8(JSON.stringify({ status: 'ok', total: 2, articles: articles.slice(0, 2) })))
    expect(wrapped.articles).toHaveLength(2)
    const nested = parseFile('n.json', utf8(JSON.stringify({ response: { docs: [{ headline: 'عنوان', articleBody: 'نص' }] } })))
    expect(nested.articles.map((a) => a.title)).toEqual(['عنوان'])
    const single = parseFile('s.json', utf8(JSON.stringify({ '@type': 'NewsArticle', headline: 'مقال واحد', articleBody: 'النص الكامل', datePublished: '2020-01-02T03:04:05+03:00', author: { name: 'سعاد' } })))
    expect(single.articles).toEqual([expect.objectContaining({ title: 'مقال واحد', paragraphs: ['النص الكامل'], publishedAt: '2020-01-02T03:04:05+03:00', author: 'سعاد' })])
  })

  it('takes a body given as an array of paragraphs', () => {
    const r = parseFile('p.json', utf8(JSON.stringify([{ title: 'ع', paragraphs: ['أ', 'ب'], text: ['أول', 'ثان\n\nثالث'] }])))
    expect(r.articles[0]!.paragraphs).toEqual(['أول', 'ثان', 'ثالث'])
  })

  it('honours a field map, falling back to detection for columns it does not name', () => {
    const data = [{ h: 'العنوان الحقيقي', title: 'ليس العنوان', body: 'نص', when: '2015' }]
    const r = parseFile('m.json', utf8(JSON.stringify(data)), { fieldMap: { title: 'h', date: 'when', url: '' } })
    expect(r.fieldMap).toEqual({ title: 'h', body: 'body', date: 'when' })
    expect(r.articles[0]).toMatchObject({ title: 'العنوان الحقيقي', publishedAt: '2015', datePrecision: 'year' })
    const missing = parseFile('m.json', utf8(JSON.stringify(data)), { fieldMap: { title: 'nope' } })
    expect(missing.problems[0]!.reason).toMatch(/column "nope" chosen for the title is not in this file/)
    expect(missing.articles[0]!.title).toBe('ليس العنوان')
  })

  it('throws a ParseError for invalid JSON or records without text fields', () => {
    expect(() => parseFile('bad.json', utf8('[{"title": "x",'))).toThrow(/not valid JSON/)
    expect(() => parseFile('odd.json', utf8('[{"a": 1, "b": 2}]'))).toThrow(/Could not tell which field holds the article text.*\(fields: a, b\)/)
    expect(() => parseFile('num.json', utf8('42'))).toThrow(/single value/)
    expect(() => parseFile('empty.json', utf8('[]'))).toThrow(/No records/)
    expect(() => parseFile('header.csv', utf8('title,body\n'))).toThrow(/No records/)
  })
})

describe('jsonl', () => {
  it('reads one object per line and reports bad lines by line number', () => {
    const text = ['{"title":"أ","text":"نص أ","published_at":"2021-05-01T10:00:00Z"}', '', '{broken', '{"title":"ب","text":"نص ب"}'].join('\n')
    const r = parseFile('a.ndjson', utf8(text))
    expect(r.format).toBe('jsonl')
    expect(r.articles.map((a) => a.title)).toEqual(['أ', 'ب'])
    expect(r.articles[0]!.publishedAt).toBe('2021-05-01T10:00:00Z')
    expect(r.problems).toEqual([{ record: 3, reason: expect.stringMatching(/not valid JSON/) }])
  })
})

describe('csv and tsv', () => {
  it('parses RFC 4180 quoting: delimiters, newlines and doubled quotes inside fields', () => {
    expect(parseDelimited('a,b\r\n"x, y","he said ""hi""\nnext"\n', ',').rows).toEqual([
      ['a', 'b'],
      ['x, y', 'he said "hi"\nnext'],
    ])
    expect(parseDelimited('a,b\n"open,1', ',')).toEqual({ rows: [['a', 'b'], ['open,1']], unterminated: true })
  })

  it('reads a CSV with a BOM and Arabic headers, multi-line bodies becoming paragraphs', () => {
    const csv = '\ufeffالعنوان,النص,التاريخ,المصدر\n"قمة الرياض","الفقرة الأولى، مع فاصلة.\nالفقرة الثانية ""باقتباس"".",26/07/2021,"الرياض"\nخبر ثان,نص قصير,2021-07,\n'
    const r = parseFile('news.csv', utf8(csv))
    expect(r.format).toBe('csv')
    expect(r.fieldMap).toEqual({ title: 'العنوان', body: 'النص', date: 'التاريخ', source: 'المصدر' })
    expect(r.articles[0]).toMatchObject({ title: 'قمة الرياض', paragraphs: ['الفقرة الأولى، مع فاصلة.', 'الفقرة الثانية "باقتباس".'], publishedAt: '2021-07-26', source: 'الرياض' })
    expect(r.articles[1]).toMatchObject({ publishedAt: '2021-07', datePrecision: 'month', source: null })
    expect(r.problems).toEqual([])
  })

  it('detects a semicolon delimiter and reports rows with the wrong number of fields', () => {
    const r = parseFile('x.csv', utf8('title;body\nأ;نص أ\nب;نص ب;زائد\n'))
    expect(r.articles.map((a) => a.paragraphs[0])).toEqual(['نص أ', 'نص ب'])
    expect(r.problems).toEqual([{ record: 2, reason: 'This row has 3 fields where the header has 2.' }])
  })

  it('reads TSV', () => {
    const r = parseFile('x.tsv', utf8('headline\tarticle\tdate\nعنوان\tنص "مقتبس" هنا\t2017-01-20T214300\n'))
    expect(r.format).toBe('tsv')
    expect(r.articles[0]).toMatchObject({ title: 'عنوان', paragraphs: ['نص "مقتبس" هنا'], publishedAt: '2017-01-20T21:43:00' })
  })

  it('previews records with their columns and a suggested mapping', () => {
    const p = previewRecords('x.csv', utf8('Title,Story,Extra\nأ,نص,1\nب,نص,2\nج,نص,3\n'), 2)
    expect(p).toEqual({ columns: ['Title', 'Story', 'Extra'], rows: [{ Title: 'أ', Story: 'نص', Extra: '1' }, { Title: 'ب', Story: 'نص', Extra: '2' }], suggested: { title: 'Title', body: 'Story' } })
    const j = previewRecords('x.json', utf8(JSON.stringify([{ title: 'أ', author: { name: 'س' }, tags: ['a', 'b'] }])), 5)
    expect(j.rows).toEqual([{ title: 'أ', author: 'س', 'author.name': 'س', tags: 'a, b' }])
    expect(() => previewRecords('x.txt', utf8('عنوان\n\nنص'), 5)).toThrow(/no fields to map/)
  })
})

describe.skipIf(!hasCorpus)('corpus: SaudiNewsNet', () => {
  it('parses the 152-article JSON Lines sample fully', () => {
    const r = parseFile('saudinewsnet-sample-2015-08-07.jsonl', readFileSync(corpusPath('saudinewsnet-sample-2015-08-07.jsonl')))
    expect(r.format).toBe('jsonl')
    expect(r.articles).toHaveLength(152)
    expect(r.problems).toEqual([])
    expect(r.fieldMap).toEqual({ title: 'title', body: 'content', date: 'date_extracted', source: 'source', author: 'author', url: 'url' })
    expect(r.articles.every((a) => a.title && a.paragraphs.length && a.datePrecision === 'datetime' && a.publishedAt!.startsWith('2015-08-0') && a.source && a.url)).toBe(true)
    // The byline-ish first line of the content is kept as a paragraph.
    expect(r.articles[0]!.paragraphs[0]).toBe('حامد القرشي -مكة المكرمة')
  })

  it('parses the JSON array of one day zip, reporting the records without title or body', async () => {
    const bytes = await readFirstZipEntry(corpusPath('saudinewsnet/2015-08-07.zip'))
    const records = JSON.parse(bytes.toString('utf8')) as { title: string; content: string }[]
    const r = parseFile('2015-08-07.json', bytes)
    expect(r.format).toBe('json')
    const emptyBody = records.filter((x) => !x.content.trim()).length
    const emptyTitle = records.filter((x) => !x.title.trim()).length
    const both = records.filter((x) => !x.content.trim() && !x.title.trim()).length
    expect(emptyBody).toBeGreaterThan(0)
    expect(r.articles).toHaveLength(records.length - both)
    const reasons = r.problems.map((p) => p.reason)
    expect(reasons.filter((x) => /text is empty/.test(x))).toHaveLength(emptyBody - both)
    expect(reasons.filter((x) => /Neither a title nor any text/.test(x))).toHaveLength(both)
    expect(reasons.filter((x) => /title is empty/.test(x))).toHaveLength(emptyTitle - both)
    expect(r.problems.every((p) => typeof p.record === 'number')).toBe(true)
  })
})
