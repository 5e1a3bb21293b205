// The search engine: a MiniSearch index over the archive with Arabic analysis, plus what MiniSearch
// lacks — phrase checks against the text, strict diacritics/hamza matching, filters, facets,
// "all words" with an "any word" fallback, and snippets highlighted in the original text.
import MiniSearch, { type Query, type SearchResult } from 'minisearch'
import { analyzeForIndex, analyzePrefix, analyzeQueryTerm, findMatches, phraseMatches, queryAlternatives, strictMatches, type StrictOptions } from './analysis'
import { parseQuery, queryWords, type Atom, type Clause, type Field } from './query'
import { makeSnippet, type Snippet } from './snippet'

export interface SearchDocument {
  id: number
  title: string
  body: string
  author: string
  source: string
  /** ISO date or '' (stored for date filters, sorting and the year facet). */
  date: string
}

export interface SearchFilters {
  from?: string
  to?: string
  sources?: string[]
  authors?: string[]
  years?: number[]
  /** Restrict to these article ids (tags and collections are resolved to ids by the caller). */
  ids?: Set<number>
}

export type SearchSort = 'relevance' | 'date_desc' | 'date_asc'

export interface SearchRequest {
  q: string
  filters?: SearchFilters
  sort?: SearchSort
  strict?: StrictOptions
}

export interface Hit {
  id: number
  score: number
  /** True for "any word" matches shown after the "all words" ones. */
  partial: boolean
  source: string
  date: string
  author: string
}

export interface FacetValue {
  value: string
  count: number
}

export interface SearchOutcome {
  hits: Hit[]
  /** How many hits match all the words (they come first). */
  complete: number
  facets: { source: FacetValue[]; year: FacetValue[]; author: FacetValue[] }
  /** The terms to highlight, as the analyzer sees them. */
  terms: string[]
}

/** Loads the text of an article for phrase and strictness checks. */
export type TextLoader = (id: number) => { title: string; body: string } | null

export const INDEX_FIELDS = ['title', 'body', 'author', 'source'] as const
const STORED = ['source', 'date', 'author'] as const
/** Fewer "all words" hits than this and the "any word" hits are added below them. */
export const SCREENFUL = 20

export function indexOptions() {
  return {
    idField: 'id',
    fields: [...INDEX_FIELDS],
    storeFields: [...STORED],
    tokenize: analyzeForIndex.tokenize,
    processTerm: analyzeForIndex.processTerm,
    searchOptions: { boost: { title: 2.5, source: 0.5, author: 0.5 }, bm25: { k: 1.2, b: 0.7, d: 0.5 } },
  }
}

export function createIndex(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>(indexOptions())
}

export function search(index: MiniSearch<SearchDocument>, req: SearchRequest, loadText: TextLoader): SearchOutcome {
  const parsed = parseQuery(req.q)
  const positive = parsed.clauses.filter((c) => !c.negated)
  const negative = parsed.clauses.filter((c) => c.negated)
  const empty: SearchOutcome = { hits: [], complete: 0, facets: { source: [], year: [], author: [] }, terms: [] }
  if (positive.length === 0) return empty

  const positiveQueries = positive.map(clauseQuery).filter((q): q is Query => q !== null)
  if (positiveQueries.length === 0) return empty
  const negativeQueries = negative.map(clauseQuery).filter((q): q is Query => q !== null)
  const filter = makeFilter(req.filters)

  const run = (combineWith: 'AND' | 'OR') => {
    const positiveTree: Query = { combineWith, queries: positiveQueries }
    const tree: Query = negativeQueries.length ? { combineWith: 'AND_NOT', queries: [positiveTree, ...negativeQueries] } : positiveTree
    return index.search(tree, { filter, processTerm: (t: string) => t })
  }

  // Phrases and strict matching are checked against the text, which MiniSearch does not keep.
  const needsText = positive.some((c) => c.atoms.some((a) => a.kind === 'phrase')) || negative.some((c) => c.atoms.some((a) => a.kind === 'phrase')) || !!req.strict?.diacritics || !!req.strict?.hamza
  const verify = (r: SearchResult) => {
    if (!needsText) return true
    const text = loadText(r.id as number)
    if (!text) return false
    const fieldText = (f?: Field) => (f === 'title' ? text.title : f ? '' : `${text.title}\n${text.body}`)
    const holds = (a: Atom) => (a.kind === 'phrase' ? phraseMatches(fieldText(a.field) || storedField(r, a.field), a.text) : true) && (!req.strict || strictMatches(fieldText(a.field) || storedField(r, a.field), a.text, req.strict))
    return positive.every((c) => c.atoms.some(holds)) && !negative.some((c) => c.atoms.some((a) => a.kind === 'phrase' && phraseMatches(fieldText(a.field), a.text)))
  }

  const all = run('AND').filter(verify)
  let results = all.map((r) => toHit(r, false))
  if (all.length < SCREENFUL && positiveQueries.length > 1) {
    const seen = new Set(all.map((r) => r.id))
    // "Any word" matches: still subject to exclusions, filters and strictness, not to phrases.
    results = results.concat(run('OR').filter((r) => !seen.has(r.id)).map((r) => toHit(r, true)))
  }
  if (req.sort === 'date_desc' || req.sort === 'date_asc') {
    const dir = req.sort === 'date_desc' ? -1 : 1
    results.sort((a, b) => Number(a.partial) - Number(b.partial) || dir * compareDates(a.date, b.date))
  }
  // Facets are counted when asked for: the segments of a large index count theirs apart (merge.ts).
  let facets: SearchOutcome['facets'] | undefined
  return {
    hits: results,
    complete: all.length,
    get facets() {
      return (facets ??= facetsOf(results))
    },
    terms: queryWords(parsed),
  }
}

function clauseQuery(clause: Clause): Query | null {
  const queries = clause.atoms.map(atomQuery).filter((q): q is Query => q !== null)
  if (queries.length === 0) return null
  return queries.length === 1 ? queries[0]! : { combineWith: 'OR', queries }
}

function atomQuery(atom: Atom): Query | null {
  const fields = atom.field ? [atom.field] : undefined
  if (atom.kind === 'term' && (atom.prefix || atom.fuzzy)) {
    const terms = atom.prefix ? analyzePrefix(atom.text) : analyzeQueryTerm(atom.text)
    if (terms.length === 0) return null
    return { combineWith: 'AND', queries: terms, fields, prefix: !!atom.prefix, fuzzy: atom.fuzzy ? (t: string) => (t.length <= 3 ? 0 : atom.fuzzy!) : false, maxFuzzy: 2 } as Query
  }
  // Each word matches any of its alternatives (بمرض → بمرض or مرض); all the words must match.
  const words = (atom.kind === 'phrase' ? atom.text.split(/\s+/) : [atom.text]).flatMap(queryAlternatives)
  if (words.length === 0) return null
  const queries = words.map((alternatives) => (alternatives.length === 1 ? alternatives[0]! : ({ combineWith: 'OR', queries: alternatives } as Query)))
  // A plain word stays a plain term: every level of nesting costs MiniSearch a map of results.
  if (queries.length === 1 && !fields) return queries[0]!
  return { combineWith: 'AND', queries, fields } as Query
}

function storedField(r: SearchResult, field?: Field): string {
  return field === 'source' ? String(r.source ?? '') : field === 'author' ? String(r.author ?? '') : ''
}

function makeFilter(f: SearchFilters | undefined): ((r: SearchResult) => boolean) | undefined {
  if (!f) return undefined
  const sources = f.sources?.length ? new Set(f.sources) : null
  const authors = f.authors?.length ? new Set(f.authors) : null
  const years = f.years?.length ? new Set(f.years.map(String)) : null
  if (!sources && !authors && !years && !f.from && !f.to && !f.ids) return undefined
  return (r) => {
    const date = String(r.date ?? '')
    if (f.ids && !f.ids.has(r.id as number)) return false
    if (sources && !sources.has(String(r.source ?? ''))) return false
    if (authors && !authors.has(String(r.author ?? ''))) return false
    if (years && !years.has(date.slice(0, 4))) return false
    if (f.from && (!date || date.slice(0, f.from.length) < f.from)) return false
    if (f.to && (!date || date.slice(0, f.to.length) > f.to)) return false
    return true
  }
}

const toHit = (r: SearchResult, partial: boolean): Hit => ({
  id: r.id as number,
  score: Math.round(r.score * 1000) / 1000,
  partial,
  source: String(r.source ?? ''),
  date: String(r.date ?? ''),
  author: String(r.author ?? ''),
})

const compareDates = (a: string, b: string) => (a === b ? 0 : !a ? 1 : !b ? -1 : a < b ? -1 : 1)

export function facetsOf(hits: Hit[]): SearchOutcome['facets'] {
  const count = (pick: (h: Hit) => string) => {
    const m = new Map<string, number>()
    for (const h of hits) {
      const v = pick(h)
      if (v) m.set(v, (m.get(v) ?? 0) + 1)
    }
    return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
  }
  return { source: count((h) => h.source), year: count((h) => h.date.slice(0, 4)), author: count((h) => h.author) }
}

export { findMatches, makeSnippet, type Snippet }
