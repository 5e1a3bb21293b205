// Events: the seed article's expected events, merging on real SaudiNewsNet stories reported by
// several outlets, unresolved relative dates, precision, and chronological order.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusPath, hasCorpus } from '../../../test-support/corpus'
import { readFirstZipEntry } from '../../../test-support/zip'
import { buildTimeline, compareEvents, mergeEvents, eventsOfArticle, periodOf, rangeOf, type TimelineArticle } from './events'
import type { TimelineEvent } from './events-types'
import { parseTrec } from '../import/formats/trec'
import { joinParagraphs } from '../archive/text'

const article = (id: number, body: string, date: string | null = '2015-08-07', source = 'okaz', datePrecision: TimelineArticle['datePrecision'] = date ? 'day' : 'unknown'): TimelineArticle => ({
  id,
  title: `خبر ${id}`,
  body,
  source,
  date,
  datePrecision,
})

/** an event in the seed file's terms: a part of a year is "year" + part there */
const seedPrecision = (e: TimelineEvent) => (e.precision === 'part' ? 'year' : e.precision)

describe.runIf(hasCorpus)('the seed article as events', () => {
  interface Expected {
    text: string
    date: string
    precision: string
    part?: string
  }
  const seed = hasCorpus ? (JSON.parse(readFileSync(corpusPath('seed/000_8c8d6cd31ae2c44f.timeline.json'), 'utf8')) as { reference_date: string; expected: Expected[]; not_dates: string[] }) : { reference_date: '', expected: [], not_dates: [] }
  const body = hasCorpus ? readFileSync(corpusPath('seed/000_8c8d6cd31ae2c44f.txt'), 'utf8') : ''
  const timeline = buildTimeline([article(1, body, seed.reference_date)], { name: 'seed', scope: { ids: [1] } })
  const cited = timeline.events.flatMap((e) => e.sources.map((s) => ({ e, text: body.slice(s.start, s.end), s })))

  it.each(seed.expected)('has an event for "$text": $date ($precision $part)', (x) => {
    const found = cited.find((c) => c.text === x.text)
    expect(found, `no event cites "${x.text}"; events: ${cited.map((c) => c.text).join(' | ')}`).toBeDefined()
    const { e, s } = found!
    expect({ date: e.date, precision: seedPrecision(e), ...(e.part ? { part: e.part } : {}) }).toEqual({ date: x.date, precision: x.precision, ...(x.part ? { part: x.part } : {}) })
    // the label says what happened and comes from the sentence the article has around the date
    expect(e.label.length).toBeGreaterThan(10)
    expect(s.sentence).toContain(x.text)
    expect(e.unresolved).toBeUndefined()
  })

  it.each(seed.not_dates)('takes no event from "%s"', (notDate) => {
    const at = body.indexOf(notDate)
    expect(at).toBeGreaterThanOrEqual(0)
    expect(cited.filter((c) => c.s.start < at + notDate.length && at < c.s.end)).toEqual([])
  })

  it('orders the events chronologically, the year 2011 before 31 December 2011, late 2021 before late December 2021', () => {
    const dates = timeline.events.map((e) => `${e.date}${e.part ? '/' + e.part : ''}`)
    expect(dates.indexOf('2003')).toBe(0)
    expect(dates.indexOf('2011/late')).toBeLessThan(dates.indexOf('2011-12-31'))
    expect(dates.indexOf('2021-07-26')).toBeLessThan(dates.indexOf('2021/late'))
    expect(dates.indexOf('2021/late')).toBeLessThan(dates.indexOf('2021-12/late'))
    expect(dates.at(-1)).toBe('2022-01-05')
    expect(timeline.range).toEqual({ from: '2003', to: '2022-01-05' })
    for (let i = 1; i < timeline.events.length; i++) expect(compareEvents(timeline.events[i - 1]!, timeline.events[i]!)).toBeLessThanOrEqual(0)
  })

  it('leaves the relative days unresolved and flagged, last, when the article has no publication date', () => {
    const undated = buildTimeline([article(1, body, null)], { name: 'seed', scope: {} })
    const unresolved = undated.events.filter((e) => e.unresolved)
    expect(unresolved.map((e) => e.mention)).toEqual(['فجر اليوم الأربعاء', 'يوم الاثنين'])
    for (const e of unresolved) expect(e.date).toBe('')
    expect(undated.events.slice(-2)).toEqual(unresolved)
    expect(undated.stats).toMatchObject({ unresolved: 2 })
    // a date known only to the month does not resolve "أمس" either
    const monthOnly = buildTimeline([article(1, body, '2022-01', 'x', 'month')], { name: 'seed', scope: {} })
    expect(monthOnly.events.filter((e) => e.unresolved)).toHaveLength(2)
  })
})

describe('events of one article', () => {
  it('keeps the precision written: "عام 2011" is the year 2011, not 1 January', () => {
    const [e] = eventsOfArticle(article(1, 'انسحبت القوات الأجنبية من البلاد عام 2011 بعد مفاوضات طويلة.'))
    expect(e).toMatchObject({ date: '2011', precision: 'year' })
    expect(periodOf(e!)).toEqual({ from: '2011-01-01', to: '2011-12-31' })
  })

  it('gives the mention\'s offsets in the body (paragraphs joined by a blank line)', () => {
    const body = ['العنوان الأول للخبر هنا', 'وقعت الحكومة في 30 حزيران 2009 اتفاقية جديدة مع الشركات.'].join('\n\n')
    const [e] = eventsOfArticle(article(1, body))
    expect(body.slice(e!.sources[0]!.start, e!.sources[0]!.end)).toBe('30 حزيران 2009')
    expect(e!.label).toBe('وقعت الحكومة اتفاقية جديدة مع الشركات')
  })

  it('skips a dateline: "أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس" (SaudiNewsNet, was)', () => {
    expect(eventsOfArticle(article(1, 'أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n\nوصل نائب خادم الحرمين الشريفين إلى أبها مساء أمس.'))).toHaveLength(1)
  })
})

describe('merging the same event reported by several articles', () => {
  const reprint = (id: number, source: string, lead = '') =>
    article(id, `${lead}أعربت دولة الكويت عن إدانتها واستنكارها الشديدين لحادث التفجير الإرهابي الذي استهدف مسجداً لقوات الطوارئ في أبها أمس.`, '2015-08-07', source)

  it('merges reprints of one wire story into one event citing each article once, oldest first', () => {
    const a = reprint(3, 'okaz')
    const b = reprint(1, 'alriyadh', 'كما ')
    const c = { ...reprint(2, 'aljazirah'), date: '2015-08-08', body: 'أعربت دولة الكويت عن إدانتها واستنكارها الشديدين لحادث التفجير الإرهابي الذي استهدف مسجداً لقوات الطوارئ في أبها أول من أمس.' }
    const merged = mergeEvents([a, b, c].flatMap(eventsOfArticle))
    expect(merged).toHaveLength(1)
    expect(merged[0]!.date).toBe('2015-08-06')
    expect(merged[0]!.sources.map((s) => s.articleId)).toEqual([1, 3, 2])
  })

  it('does not merge different events of the same day, or the same words on different days', () => {
    const kuwait = reprint(1, 'okaz')
    const bahrain = article(2, 'أدانت مملكة البحرين التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في عسير أمس وأودى بحياة عدد من رجال الأمن.', '2015-08-07', 'alriyadh')
    const later = { ...reprint(3, 'alwatan'), date: '2015-08-09' }
    expect(mergeEvents([kuwait, bahrain, later].flatMap(eventsOfArticle))).toHaveLength(3)
  })

  it('never merges unresolved events', () => {
    const undated = [1, 2].map((id) => article(id, 'أعربت دولة الكويت عن إدانتها واستنكارها الشديدين لحادث التفجير الإرهابي أمس.', null))
    const merged = mergeEvents(undated.flatMap(eventsOfArticle))
    expect(merged).toHaveLength(2)
    expect(merged.every((e) => e.unresolved && e.mention === 'أمس')).toBe(true)
  })
})

describe.runIf(hasCorpus)('merging on SaudiNewsNet: the Abha mosque bombing (6 August 2015) in the papers of 7 August', async () => {
  type Record = { source: string; title: string; content: string; date_extracted: string }
  const records: Record[] = hasCorpus ? JSON.parse((await readFirstZipEntry(corpusPath('saudinewsnet/2015-08-07.zip'))).toString('utf8')) : []
  const articles = records
    .map((r, i) => ({ r, id: i + 1 }))
    .filter(({ r }) => r.content.includes('الطوارئ') && /أبها|عسير/.test(r.content))
    .map(({ r, id }) => article(id, r.content.split('\n').map((p) => p.trim()).filter(Boolean).join('\n\n'), r.date_extracted.slice(0, 10), r.source))
  const timeline = buildTimeline(articles, { name: 'أبها', scope: {} })
  const onTheDay = timeline.events.filter((e) => e.date === '2015-08-06')
  const outlets = (e: TimelineEvent) => new Set(e.sources.map((s) => s.source)).size

  it('reads well over a hundred articles about it', () => {
    expect(articles.length).toBeGreaterThan(100)
    expect(timeline.stats!.events).toBeLessThan(timeline.stats!.mentions)
  })

  it.each([
    ['Bahrain', 'البحرين', 4],
    ['Kuwait', 'الكويت', 4],
    ['Egypt', 'مصر', 3],
  ])("merges %s's condemnation, reported by several outlets, and only that", (_, country, minOutlets) => {
    const e = onTheDay.find((x) => x.label.includes(country) && /دان|إدانت/.test(x.label) && x.sources.length > 1)
    expect(e, onTheDay.map((x) => `${x.sources.length} ${x.label.slice(0, 60)}`).join('\n')).toBeDefined()
    expect(outlets(e!)).toBeGreaterThanOrEqual(minOutlets)
    for (const s of e!.sources) expect(s.sentence).toContain(country)
  })

  it('cites an article at most once per event, and every source sentence holds its date words', () => {
    for (const e of timeline.events) {
      const ids = e.sources.map((s) => s.articleId)
      expect(new Set(ids).size).toBe(ids.length)
      const a = articles.find((x) => x.id === e.sources[0]!.articleId)!
      expect(e.sources[0]!.sentence).toContain(a.body.slice(e.sources[0]!.start, e.sources[0]!.end))
    }
  })
})

describe.runIf(hasCorpus)('a Jawhara FM article (ANT, Tunisian month names) as events', () => {
  const parsed = hasCorpus ? parseTrec(readFileSync(corpusPath('ant/politic/JA-politic-23-20161227.txt'), 'utf8')).articles[0]! : undefined

  it('dates "في 03 جوان 2015" to the day and "شهر نوفمبر الفارط" to the month before publication', () => {
    const a: TimelineArticle = { id: 1, title: parsed!.title, body: joinParagraphs(parsed!.paragraphs), source: parsed!.source ?? null, date: parsed!.publishedAt ?? null, datePrecision: parsed!.datePrecision ?? 'unknown' }
    expect(a.date?.slice(0, 10)).toBe('2016-12-27')
    const t = buildTimeline([a], { name: 'الوطني الحر', scope: { ids: [1] } })
    expect(t.events.map((e) => [e.date, e.precision, a.body.slice(e.sources[0]!.start, e.sources[0]!.end)])).toEqual([
      ['2015-06-03', 'day', '03 جوان 2015'],
      ['2016-11', 'month', 'شهر نوفمبر الفارط'],
    ])
    // "خلال شهر نوفمبر الفارط،" is cut: the date is beside the label
    expect(t.events[1]!.label).toBe('كان أعضاء المكتب الجهوي للاتحاد الوطني الحر بسوسة، قد أعلنوا استقالتهم الجماعية من الحزب، بسبب ما اعتبروه تهميشا لهم من القيادة المركزية للحزب')
  })
})

describe('order and range', () => {
  const ev = (date: string, precision: TimelineEvent['precision'], part?: TimelineEvent['part']): TimelineEvent => ({ key: date + (part ?? ''), date, precision, ...(part ? { part } : {}), label: date, hidden: false, manual: false, sources: [] })

  it('puts a period before the dates inside it, parts of a year where they begin, undated last', () => {
    const events = [ev('2011-03-05', 'day'), { ...ev('', 'day'), unresolved: true }, ev('2011', 'year'), ev('2011-03', 'month'), ev('2011', 'part', 'late'), ev('2011-10-01', 'day'), ev('2010-12-31', 'day'), ev('2011', 'part', 'q1')]
    expect(events.sort(compareEvents).map((e) => e.key)).toEqual(['2010-12-31', '2011', '2011q1', '2011-03', '2011-03-05', '2011late', '2011-10-01', ''])
  })

  it('gives the range of the visible dated events', () => {
    expect(rangeOf([ev('2011', 'year'), { ...ev('2015-01-01', 'day'), hidden: true }, ev('2012-05', 'month')])).toEqual({ from: '2011', to: '2012-05' })
    expect(rangeOf([])).toEqual({ from: '', to: '' })
  })
})
