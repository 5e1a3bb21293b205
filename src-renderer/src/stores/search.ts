// The search screen's state: what is asked (query, filters, strictness, order), the pages of hits
// fetched so far, and the index's readiness. Typing is debounced here, and every answer is checked
// against the request it belongs to, so a slow answer to an old query never replaces a newer one.
import { defineStore } from 'pinia'
import { computed, ref, shallowReactive, shallowRef } from 'vue'
import type { ArgsOf, ResultOf } from '@contract'
import { ApiError, call } from '../api/client'

export type SearchPage = ResultOf<'search.query'>
export type SearchHitView = SearchPage['hits'][number]
export type SearchFacets = SearchPage['facets']
export type SearchStatus = ResultOf<'search.status'>
export type SearchSort = 'relevance' | 'date_desc' | 'date_asc'
type QueryArgs = ArgsOf<'search.query'>

/** A hit the user ticked: enough to name it in the selection bar. */
export interface SelectedArticle {
  id: number
  title: string
  source: string | null
}

export interface SearchFilters {
  sources: string[]
  years: number[]
  authors: string[]
  /** YYYY-MM-DD, or '' when open. */
  from: string
  to: string
}

export const PAGE_SIZE = 50
export const DEBOUNCE_MS = 200
export const STATUS_POLL_MS = 500
const SUGGEST_MIN = 2
const SUGGEST_LIMIT = 8
const BUSY_STATES: readonly SearchStatus['state'][] = ['starting', 'loading', 'building', 'saving']
const NO_FACETS: SearchFacets = { source: [], year: [], author: [] }
const noFilters = (): SearchFilters => ({ sources: [], years: [], authors: [], from: '', to: '' })

/** The word being typed at the end of the query (after any `-`, `field:` or opening quote), if any. */
export function wordBeingTyped(q: string): { start: number; word: string } | null {
  const token = /(\S+)$/.exec(q)?.[1]
  if (!token) return null
  const lead = /^-?(?:(?:title|source|author|عنوان|مصدر|كاتب):)?["«“]?/i.exec(token)![0]
  const word = token.slice(lead.length)
  if (word.length < SUGGEST_MIN || word === 'OR' || /[*~"»”|]/.test(word)) return null
  return { start: q.length - word.length, word }
}

export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  const filters = ref<SearchFilters>(noFilters())
  const strict = ref({ diacritics: false, hamza: false })
  const sort = ref<SearchSort>('relevance')

  /** Fetched pages of the shown results, by page number. Hits are frozen data: no deep reactivity. */
  const pages = shallowReactive(new Map<number, readonly SearchHitView[]>())
  const total = ref(0)
  const complete = ref(0)
  const facets = shallowRef<SearchFacets>(NO_FACETS)
  const terms = ref<string[]>([])
  const tookMs = ref<number | null>(null)
  /** The query the shown results answer ('' when none are shown). */
  const shownQuery = ref('')
  /** Changes whenever a new set of results replaces the shown one (the list then scrolls to the top). */
  const resultsVersion = ref(0)
  const loading = ref(false)
  const error = ref<Error | null>(null)
  const status = ref<SearchStatus | null>(null)
  const suggestions = ref<string[]>([])
  /** The list row of the hit last opened, to bring the reader back to it (-1: none). */
  const openedRow = ref(-1)

  const indexBusy = computed(() => !!status.value && BUSY_STATES.includes(status.value.state))
  const indexError = computed(() => (status.value?.state === 'failed' ? new ApiError({ code: 'internal', message: status.value.error ?? 'The search index could not be opened.' }) : null))
  const activeFilterCount = computed(() => {
    const f = filters.value
    return f.sources.length + f.years.length + f.authors.length + (f.from ? 1 : 0) + (f.to ? 1 : 0)
  })

  // ---- running a query -------------------------------------------------------------------------

  /** Bumped by every new search: answers carrying an older number are dropped. */
  let generation = 0
  /** The generation whose pages `pages` holds. */
  let shownGeneration = 0
  /** The request of the current generation, frozen when it started (typing must not change it). */
  let request: Omit<QueryArgs, 'offset' | 'limit'> | null = null
  const inflight = new Set<number>()
  let debounce: ReturnType<typeof setTimeout> | undefined
  let waitingForIndex = false

  function buildRequest(q: string): Omit<QueryArgs, 'offset' | 'limit'> {
    const f = filters.value
    const wanted: NonNullable<QueryArgs['filters']> = {}
    if (f.sources.length) wanted.sources = [...f.sources]
    if (f.years.length) wanted.years = [...f.years]
    if (f.authors.length) wanted.authors = [...f.authors]
    if (f.from) wanted.from = f.from
    if (f.to) wanted.to = f.to
    return { q, sort: sort.value, filters: wanted, strict: { ...strict.value } }
  }

  /** Runs the query as it stands now, from the first page. */
  async function search(): Promise<void> {
    clearTimeout(debounce)
    const gen = ++generation
    inflight.clear()
    const q = query.value.trim()
    if (!q) {
      request = null
      clearResults(gen)
      return
    }
    if (indexBusy.value) {
      // Queries wait for the index anyway; the progress bar says why, and the query runs once it is ready.
      waitingForIndex = true
      return
    }
    request = buildRequest(q)
    loading.value = true
    error.value = null
    await fetchPage(0, gen)
  }

  function clearResults(gen: number): void {
    shownGeneration = gen
    pages.clear()
    total.value = 0
    complete.value = 0
    facets.value = NO_FACETS
    terms.value = []
    tookMs.value = null
    shownQuery.value = ''
    openedRow.value = -1
    loading.value = false
    error.value = null
    resultsVersion.value++
  }

  async function fetchPage(page: number, gen: number): Promise<void> {
    if (!request || inflight.has(page) || (shownGeneration === gen && pages.has(page))) return
    const req = request
    inflight.add(page)
    try {
      const result = await call('search.query', { ...req, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      if (gen !== generation) return // the answer to a query that has since changed
      if (shownGeneration !== gen) {
        // The first answer of a new query replaces the old results all at once (no blank flash while typing).
        shownGeneration = gen
        pages.clear()
        shownQuery.value = req.q
        openedRow.value = -1
        resultsVersion.value++
      }
      pages.set(page, Object.freeze(result.hits))
      total.value = result.total
      complete.value = result.complete
      facets.value = result.facets
      terms.value = result.terms
      tookMs.value = result.tookMs
      error.value = null
    } catch (e) {
      if (gen === generation) error.value = e as Error
    } finally {
      if (gen === generation) {
        inflight.delete(page)
        if (page === 0) loading.value = false
      }
    }
  }

  /** Makes sure the pages holding hits `first`…`last` are fetched (the list calls it as it scrolls). */
  function ensureRange(first: number, last: number): void {
    // Until the first page of the current query is in, the list shows the old results: nothing to fetch.
    if (shownGeneration !== generation || !request || total.value === 0) return
    const lastPage = Math.floor((Math.min(last, total.value - 1)) / PAGE_SIZE)
    for (let p = Math.floor(Math.max(0, first) / PAGE_SIZE); p <= lastPage; p++) void fetchPage(p, generation)
  }

  function hitAt(index: number): SearchHitView | undefined {
    return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
  }

  // ---- what the user changes ---------------------------------------------------------------------

  /** Typing: the query runs once the user pauses, and completions for the last word are fetched. */
  function setQuery(q: string): void {
    query.value = q
    clearTimeout(debounce)
    debounce = setTimeout(() => {
      void search()
      void suggest(q)
    }, DEBOUNCE_MS)
  }

  let suggestTicket = 0
  async function suggest(q: string): Promise<void> {
    const ticket = ++suggestTicket
    const typing = wordBeingTyped(q)
    if (!typing) {
      suggestions.value = []
      return
    }
    try {
      const found = await call('search.suggest', { prefix: typing.word, limit: SUGGEST_LIMIT })
      if (ticket === suggestTicket) suggestions.value = found.filter((s) => s !== typing.word)
    } catch {
      if (ticket === suggestTicket) suggestions.value = [] // completions are a convenience: no error box
    }
  }

  /** Replaces the word being typed with a completion and searches at once. */
  function applySuggestion(s: string): void {
    const typing = wordBeingTyped(query.value)
    query.value = typing ? `${query.value.slice(0, typing.start)}${s} ` : `${query.value}${s} `
    closeSuggestions()
    void search()
  }

  function closeSuggestions(): void {
    suggestTicket++
    suggestions.value = []
  }

  const toggled = <T>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])

  function toggleSource(v: string): Promise<void> {
    filters.value = { ...filters.value, sources: toggled(filters.value.sources, v) }
    return search()
  }
  function toggleYear(v: number): Promise<void> {
    filters.value = { ...filters.value, years: toggled(filters.value.years, v) }
    return search()
  }
  function toggleAuthor(v: string): Promise<void> {
    filters.value = { ...filters.value, authors: toggled(filters.value.authors, v) }
    return search()
  }
  function setDates(from: string, to: string): Promise<void> {
    filters.value = { ...filters.value, from, to }
    return search()
  }
  function clearFilters(): Promise<void> {
    filters.value = noFilters()
    return search()
  }
  function setStrict(key: 'diacritics' | 'hamza', on: boolean): Promise<void> {
    strict.value = { ...strict.value, [key]: on }
    return search()
  }
  function setSort(next: SearchSort): Promise<void> {
    sort.value = next
    return search()
  }

  // ---- the index's readiness ---------------------------------------------------------------------

  let statusTimer: ReturnType<typeof setTimeout> | undefined
  /** Asks how the index is doing, and keeps asking every 500 ms while it is loading or building. */
  async function refreshStatus(): Promise<void> {
    clearTimeout(statusTimer)
    try {
      status.value = await call('search.status')
    } catch (e) {
      error.value = e as Error
      return
    }
    if (indexBusy.value) statusTimer = setTimeout(() => void refreshStatus(), STATUS_POLL_MS)
    else if (status.value.state === 'ready' && waitingForIndex) {
      waitingForIndex = false
      await search()
    }
  }

  function stopStatus(): void {
    clearTimeout(statusTimer)
  }

  // ---- articles picked from the results (to compare them; the Timeline may use them too) ---------

  /** Kept across queries, so one article can be found by one search and the next by another. */
  const selected = ref<SelectedArticle[]>([])
  const selectedIds = computed(() => selected.value.map((a) => a.id))
  function toggleSelected(article: SelectedArticle): void {
    selected.value = selected.value.some((a) => a.id === article.id) ? selected.value.filter((a) => a.id !== article.id) : [...selected.value, article]
  }
  function clearSelection(): void {
    selected.value = []
  }

  return {
    query, filters, strict, sort, pages, total, complete, facets, terms, tookMs, shownQuery, resultsVersion, loading, error, status, suggestions, openedRow,
    indexBusy, indexError, activeFilterCount,
    search, setQuery, ensureRange, hitAt, suggest, applySuggestion, closeSuggestions,
    toggleSource, toggleYear, toggleAuthor, setDates, clearFilters, setStrict, setSort, refreshStatus, stopStatus,
    selected, selectedIds, toggleSelected, clearSelection,
  }
})
