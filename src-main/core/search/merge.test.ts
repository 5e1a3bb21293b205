import { describe, expect, it } from 'vitest'
import { sampleSearchDocuments } from '../../../test-support/articles'
import { createIndex, search, type SearchDocument, type SearchSort } from './engine'
import { mergeOutcomes, toSegmentOutcome } from './merge'

const { docs, texts, loadText } = sampleSearchDocuments()

describe('an index in segments', () => {
  const whole = createIndex()
  whole.addAll(docs)
  const segments = [0, 1, 2].map((k) => {
    const index = createIndex()
    index.addAll(docs.filter((d) => d.id % 3 === k))
    return index
  })
  const merged = (q: string, sort: SearchSort = 'relevance') => mergeOutcomes(segments.map((s) => toSegmentOutcome(search(s, { q, sort }, loadText))), sort)
  const single = (q: string, sort: SearchSort = 'relevance') => search(whole, { q, sort }, loadText)

  it('finds the same articles as one index, with the same facets', () => {
    for (const q of ['الفيضانات', 'مترو المرجان', '"الخط الثالث"', 'الامطار -السيول', 'سيول OR زيتون', 'زيتون مخطوط قطار']) {
      const a = merged(q)
      const b = single(q)
      expect(new Set(a.hits.map((h) => h.id))).toEqual(new Set(b.hits.map((h) => h.id)))
      expect(a.complete).toBe(b.complete)
      expect(a.facets).toEqual(b.facets)
      // Articles with all the words still come before those with some.
      expect(a.hits.map((h) => h.partial)).toEqual([...a.hits.map((h) => h.partial)].sort())
    }
  })

  it('sorts by date across segments', () => {
    const newest = merged('المرجان', 'date_desc').hits.map((h) => docs[h.id - 1]!.date)
    expect(newest.length).toBeGreaterThan(2)
    expect(newest).toEqual([...newest].sort().reverse())
    const oldest = merged('المرجان', 'date_asc').hits.map((h) => docs[h.id - 1]!.date)
    expect(oldest).toEqual([...oldest].sort())
  })

  it('drops the "any word" hits of a segment when all the segments together have a screenful with all the words', () => {
    const full = mergeOutcomes([
      { ...toSegmentOutcome({ hits: Array.from({ length: 15 }, (_, i) => ({ id: i * 2, score: 1, partial: false, source: 'أ', date: '', author: '' })), complete: 15, facets: { source: [], year: [], author: [] }, terms: [] }) },
      { ...toSegmentOutcome({ hits: [...Array.from({ length: 15 }, (_, i) => ({ id: i * 2 + 1, score: 2, partial: false, source: 'ب', date: '', author: '' })), { id: 99, score: 5, partial: true, source: 'ج', date: '', author: '' }], complete: 15, facets: { source: [], year: [], author: [] }, terms: [] }) },
    ])
    expect(full.hits).toHaveLength(30)
    expect(full.hits.some((h) => h.id === 99)).toBe(false)
    expect(full.facets.source).toEqual([{ value: 'أ', count: 15 }, { value: 'ب', count: 15 }])
  })
})
