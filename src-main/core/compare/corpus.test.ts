// Real reprints from SaudiNewsNet: Saudi Press Agency (was) stories and the newspapers that ran them.
import { describe, expect, it } from 'vitest'
import { compareArticles, type ComparedArticle } from '.'
import { corpusPath, hasCorpus } from '../../../test-support/corpus'
import { readFirstZipEntry } from '../../../test-support/zip'

interface Record {
  source: string
  url: string
  date_extracted: string
  title: string
  author: string
  content: string
}

async function records(day: string): Promise<Record[]> {
  return JSON.parse((await readFirstZipEntry(corpusPath('saudinewsnet', `${day}.zip`))).toString('utf8')) as Record[]
}

let nextId = 1
const asArticle = (r: Record): ComparedArticle => ({
  id: nextId++,
  title: r.title,
  source: r.source,
  date: r.date_extracted.slice(0, 10),
  datePrecision: 'day',
  author: r.author || null,
  url: r.url,
  paragraphs: r.content.split('\n').map((p) => p.trim()).filter(Boolean),
})

describe.runIf(hasCorpus)('real reprints (SaudiNewsNet)', async () => {
  const all = hasCorpus ? [...(await records('2015-08-10')), ...(await records('2015-08-11'))] : []
  const byUrl = (url: string) => asArticle(all.find((r) => r.url === url)!)

  it('sees a newspaper reprinting an agency story, minus the agency dateline and sign-off', () => {
    // SPA: a military hospital in Tabuk operates on a child; al-Weeam runs it under its own headline.
    const spa = byUrl('http://www.spa.gov.sa/details.php?id=1386843')
    const weeam = byUrl('http://www.alweeam.com.sa/351868/فريق-طبي-بمستشفى-الملك-سلمان-بتبوك-ينج/')
    const c = compareArticles(spa, weeam)
    expect(c.summary.aInB).toBeGreaterThan(0.9)
    expect(c.summary.bInA).toBeGreaterThan(0.9)
    expect(c.summary.sharedPassages).toBeGreaterThanOrEqual(1)
    expect(c.passages[0]!.words).toBeGreaterThan(200)
    // What al-Weeam left out: SPA's dateline ("تبوك 25 شوال 1436 هـ …") and its "// انتهى //" sign-off.
    const cut = c.rows.filter((r) => r.kind === 'removed').flatMap((r) => r.a.map((p) => spa.paragraphs[p]!))
    expect(cut.some((p) => p.includes('واس'))).toBe(true)
    expect(cut.some((p) => p.includes('انتهى'))).toBe(true)
    expect(c.summary.line.en).toMatch(/^B reprints 9\d% of A/)
    expect(c.metadata.find((m) => m.field === 'source')!.same).toBe(false)
  })

  it('sees a newspaper that rewrote an agency story and cut whole paragraphs', () => {
    // SPA: a training programme for project managers ends; al-Jazirah shortens and rewrites it.
    const spa = byUrl('http://www.spa.gov.sa/details.php?id=1386842')
    const jazirah = byUrl('http://www.al-jazirah.com/2015/20150811/ln32.htm')
    const c = compareArticles(spa, jazirah)
    expect(c.summary.aInB).toBeGreaterThan(0.5)
    expect(c.summary.aInB).toBeLessThan(0.8)
    expect(c.summary.bInA).toBeGreaterThan(0.8)
    expect(c.summary.sharedPassages).toBeGreaterThan(5)
    expect(c.summary.removedParagraphs).toBeGreaterThan(2)
    expect(c.rows.some((r) => r.kind === 'changed' && r.aChanges.length > 0)).toBe(true)
    // Every passage's ranges point at text that reads the same in both articles once normalized.
    for (const p of c.passages) {
      const bodyB = jazirah.paragraphs.join('\n\n').slice(p.b.bodyStart, p.b.bodyEnd)
      expect(bodyB.replace(/[^\u0621-\u064a]/g, '').length).toBeGreaterThan(0)
      expect(p.b.ranges.length).toBeGreaterThan(0)
    }
  })

  it('finds reprints of agency stories by their content', () => {
    // Every SPA story of 10 August that a newspaper of 10–11 August carries ≥ 60 words of verbatim.
    const spa = all.filter((r) => r.source === 'was' && r.date_extracted.startsWith('2015-08-10'))
    const papers = all.filter((r) => r.source !== 'was')
    const key = (ws: string[], i: number) => ws.slice(i, i + 12).join(' ')
    const where = new Map<string, number>()
    papers.forEach((r, k) => {
      const ws = r.content.split(/\s+/).filter(Boolean)
      for (let i = 0; i + 12 <= ws.length; i += 6) where.set(key(ws, i), k)
    })
    let pairs = 0
    for (const r of spa) {
      const ws = r.content.split(/\s+/).filter(Boolean)
      const hits = new Map<number, number>()
      for (let i = 0; i + 12 <= ws.length; i++) {
        const k = where.get(key(ws, i))
        if (k !== undefined) hits.set(k, (hits.get(k) ?? 0) + 1)
      }
      const best = [...hits].sort((x, y) => y[1] - x[1])[0]
      if (!best || best[1] < 10) continue
      const c = compareArticles(asArticle(r), asArticle(papers[best[0]]!))
      pairs++
      expect(c.summary.sharedPassages).toBeGreaterThan(0)
      expect(c.passages.reduce((n, p) => n + p.words, 0)).toBeGreaterThanOrEqual(60)
      expect(c.summary.bInA).toBeGreaterThan(0.1)
    }
    expect(pairs).toBeGreaterThan(5)
  })
})
