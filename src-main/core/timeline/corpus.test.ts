// Real-corpus checks: the seed article against its hand-made timeline, and the SaudiNewsNet sample day.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { readFirstZipEntry } from '../../../test-support/zip'
import { corpusPath, hasCorpus } from '../../../test-support/corpus'
import { hijriToGregorian } from './hijri'
import { extractDates, toTimelinePrecision, type DateMention } from './index'

interface ExpectedEvent {
  text: string
  date: string
  precision: 'day' | 'month' | 'year'
  part?: string
  relative?: boolean
}
interface SeedTimeline {
  reference_date: string
  expected: ExpectedEvent[]
  not_dates: string[]
}

/** a mention in the seed file's terms (precision 'part' is "year" + part there) */
const asSeedEvent = (m: DateMention) => ({
  text: m.text,
  date: m.date,
  precision: toTimelinePrecision(m),
  ...(m.part ? { part: m.part } : {}),
  ...(m.relative ? { relative: true } : {}),
})

const readJson = <T,>(path: string): T => JSON.parse(readFileSync(corpusPath(path), 'utf8')) as T

describe.skipIf(!hasCorpus)('seed article 000_8c8d6cd31ae2c44f', () => {
  const text = hasCorpus ? readFileSync(corpusPath('seed/000_8c8d6cd31ae2c44f.txt'), 'utf8') : ''
  const seed = hasCorpus ? readJson<SeedTimeline>('seed/000_8c8d6cd31ae2c44f.timeline.json') : { reference_date: '', expected: [], not_dates: [] }
  const mentions = extractDates(text, { referenceDate: seed.reference_date })

  it.each(seed.expected)('finds "$text" = $date ($precision $part)', (event) => {
    const m = mentions.find((x) => x.text === event.text)
    expect(m, `${event.text} not in ${mentions.map((x) => x.text).join(' | ')}`).toBeDefined()
    expect(asSeedEvent(m!)).toMatchObject(event)
  })

  it.each(seed.not_dates)('does not take "%s" for a date', (notDate) => {
    let from = 0
    for (let i = text.indexOf(notDate, from); i >= 0; i = text.indexOf(notDate, from)) {
      const end = i + notDate.length
      expect(mentions.filter((m) => m.start < end && i < m.end)).toEqual([])
      from = end
    }
    expect(text.includes(notDate)).toBe(true)
  })

  it('without the reference date leaves only the relative days unresolved', () => {
    const bare = extractDates(text)
    const unresolved = bare.filter((m) => m.resolved === false).map((m) => m.text)
    expect(unresolved).toEqual(['فجر اليوم الأربعاء', 'يوم الاثنين'])
    // the yearless December takes its year from "أواخر العام 2021" in the same sentence
    expect(bare.find((m) => m.text === 'نهاية شهر كانون الأول')).toMatchObject({ date: '2021-12', resolved: true })
    for (const m of bare.filter((x) => !x.relative)) expect(mentions.find((x) => x.start === m.start)).toEqual(m)
  })
})

describe.skipIf(!hasCorpus)('SaudiNewsNet sample day (152 articles of 2015-08-07)', () => {
  type Article = { content: string; date_extracted: string }
  const articles: Article[] = hasCorpus
    ? readFileSync(corpusPath('saudinewsnet-sample-2015-08-07.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Article)
    : []
  const run = () => articles.map((a) => ({ a, ms: extractDates(a.content, { referenceDate: a.date_extracted.slice(0, 10) }) }))

  it('returns well-formed mentions: exact substrings, sorted, no overlaps, valid ISO dates', () => {
    let total = 0
    for (const { a, ms } of run()) {
      total += ms.length
      let prevEnd = 0
      for (const m of ms) {
        expect(a.content.slice(m.start, m.end)).toBe(m.text)
        expect(m.start).toBeGreaterThanOrEqual(prevEnd)
        prevEnd = m.end
        expect(m.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/)
        const len = { day: 10, week: 10, month: 7, part: 4, year: 4 }[m.precision]
        expect(m.date.length).toBe(len)
        if (m.date.length === 10) expect(Number.isNaN(Date.parse(m.date))).toBe(false)
      }
    }
    expect(total).toBeGreaterThan(250)
  })

  it('is fast enough for the whole SaudiNewsNet (9 M words)', () => {
    run() // warm up
    const t = performance.now()
    const n = run().reduce((s, r) => s + r.ms.length, 0)
    const ms = performance.now() - t
    expect(n).toBeGreaterThan(0)
    expect(ms).toBeLessThan(1500) // measured ~100 ms
  })
})

describe.skipIf(!hasCorpus)('SaudiNewsNet 2015-08-10 (a whole day, 1,700 articles)', () => {
  let articles: { content: string; date_extracted: string }[] = []
  let results: DateMention[][] = []
  let elapsed = 0

  beforeAll(async () => {
    articles = JSON.parse((await readFirstZipEntry(corpusPath('saudinewsnet/2015-08-10.zip'))).toString('utf8'))
    const t = performance.now()
    results = articles.map((a) => extractDates(a.content ?? '', { referenceDate: a.date_extracted.slice(0, 10) }))
    elapsed = performance.now() - t
  })

  it('agrees with the newspapers on "Hijri الموافق Gregorian" pairs', () => {
    let pairs = 0
    let agree = 0
    for (const ms of results) {
      for (const m of ms) {
        if (m.calendar !== 'gregorian' || m.precision !== 'day' || !m.hijri || m.hijri.length !== 10) continue
        pairs++
        const [hy, hm, hd] = m.hijri.split('-').map(Number) as [number, number, number]
        const g = hijriToGregorian(hy, hm, hd)
        if (Math.abs(Date.parse(m.date) - Date.UTC(g.y, g.m - 1, g.d)) <= 86_400_000) agree++
      }
    }
    expect(pairs).toBeGreaterThanOrEqual(150)
    expect(agree / pairs).toBeGreaterThanOrEqual(0.95) // the rest are misprints
  })

  it('finds thousands of dates in a day of news (speed: npm run bench:timeline, never asserted here)', () => {
    const words = articles.reduce((n, a) => n + (a.content ?? '').split(/\s+/).length, 0)
    const mentions = results.reduce((n, ms) => n + ms.length, 0)
    console.info(
      `[timeline] ${articles.length} articles, ${words} words, ${mentions} mentions in ${Math.round(elapsed)} ms: ` +
        `${Math.round((articles.length / elapsed) * 1000)} articles/s, ${Math.round((mentions / elapsed) * 1000)} mentions/s`,
    )
    expect(mentions).toBeGreaterThan(3000)
  })
})
