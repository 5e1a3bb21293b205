// Merging the answers of the index segments. A large archive's index is split into segments (by
// article id modulo their number), each in its own worker thread, so that building, loading and
// querying use every core. Each segment ranks its own articles with BM25 over its own statistics;
// the ids are spread evenly, so the statistics agree closely and scores can be merged as they are.
import { SCREENFUL, facetsOf, type FacetValue, type Hit, type SearchOutcome, type SearchSort } from './engine'

/** A segment's outcome in a form that crosses threads cheaply (typed arrays, not 10,000 objects). */
export interface SegmentOutcome {
  ids: Int32Array
  scores: Float64Array
  partial: Uint8Array
  /** YYYYMMDD (missing parts as 00), 0 for no date: for sorting by date. */
  dates: Int32Array
  complete: number
  /** Facet counts over the hits with all the words, and over the "any word" hits. */
  facets: { complete: SearchOutcome['facets']; partial: SearchOutcome['facets'] }
  terms: string[]
}

export interface MergedHit {
  id: number
  score: number
  partial: boolean
}

export interface MergedOutcome {
  hits: MergedHit[]
  complete: number
  facets: SearchOutcome['facets']
  terms: string[]
}

export const dateKey = (date: string): number => (date ? Number(date.replace(/-/g, '').padEnd(8, '0').slice(0, 8)) || 0 : 0)

export function toSegmentOutcome(o: SearchOutcome): SegmentOutcome {
  const n = o.hits.length
  const facets = { complete: facetsOf(o.hits.filter((h) => !h.partial)), partial: facetsOf(o.hits.filter((h) => h.partial)) }
  const out: SegmentOutcome = { ids: new Int32Array(n), scores: new Float64Array(n), partial: new Uint8Array(n), dates: new Int32Array(n), complete: o.complete, facets, terms: o.terms }
  o.hits.forEach((h: Hit, i) => {
    out.ids[i] = h.id
    out.scores[i] = h.score
    out.partial[i] = h.partial ? 1 : 0
    out.dates[i] = dateKey(h.date)
  })
  return out
}

export function mergeOutcomes(parts: SegmentOutcome[], sort: SearchSort = 'relevance'): MergedOutcome {
  const complete = parts.reduce((n, p) => n + p.complete, 0)
  // A segment adds its "any word" hits when it alone has fewer than a screenful with all the
  // words; they only belong in the answer when all the segments together have fewer.
  const keepPartial = complete < SCREENFUL
  const rows: { id: number; score: number; partial: boolean; date: number }[] = []
  for (const p of parts)
    for (let i = 0; i < p.ids.length; i++) if (keepPartial || !p.partial[i]) rows.push({ id: p.ids[i]!, score: p.scores[i]!, partial: p.partial[i] === 1, date: p.dates[i]! })
  const dir = sort === 'date_asc' ? 1 : -1
  rows.sort((a, b) => {
    if (a.partial !== b.partial) return a.partial ? 1 : -1
    if (sort !== 'relevance' && a.date !== b.date) return !a.date ? 1 : !b.date ? -1 : dir * (a.date - b.date)
    return b.score - a.score || a.id - b.id
  })
  return {
    hits: rows.map(({ id, score, partial }) => ({ id, score, partial })),
    complete,
    facets: mergeFacets(parts.flatMap((p) => (keepPartial ? [p.facets.complete, p.facets.partial] : [p.facets.complete]))),
    terms: parts[0]?.terms ?? [],
  }
}

function mergeFacets(list: SearchOutcome['facets'][]): SearchOutcome['facets'] {
  const merge = (pick: (f: SearchOutcome['facets']) => FacetValue[]) => {
    const m = new Map<string, number>()
    for (const f of list) for (const { value, count } of pick(f)) m.set(value, (m.get(value) ?? 0) + count)
    return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  }
  return { source: merge((f) => f.source), year: merge((f) => f.year), author: merge((f) => f.author) }
}
