import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiTransport, Envelope } from '@contract'
import { setTransport } from '../api/client'
import { DEBOUNCE_MS, PAGE_SIZE, STATUS_POLL_MS, useSearchStore, wordBeingTyped, type SearchStatus } from './search'

interface Call {
  method: string
  args: any
}

/**
 * A fake engine: every query has `total` hits (ids offset+1…), answered at once unless the test
 * holds the answer back with `hold`. Records the calls it gets.
 */
function fakeEngine(opts: { total?: number; statuses?: SearchStatus['state'][]; suggestions?: string[] } = {}) {
  const calls: Call[] = []
  const held: { args: any; release: () => void }[] = []
  let holding = false
  const statuses = [...(opts.statuses ?? ['ready'])]
  const page = (args: any) => {
    const total = opts.total ?? 120
    const hits = Array.from({ length: Math.max(0, Math.min(args.limit, total - args.offset)) }, (_, i) => ({
      id: args.offset + i + 1, title: `${args.q} ${args.offset + i + 1}`, titleHighlights: [], source: 'الرصد اليومي', date: '2024-11-14', datePrecision: 'day',
      author: null, score: 1, partial: false, snippet: { text: '', highlights: [], cutStart: false, cutEnd: false },
    }))
    return { total, complete: total, offset: args.offset, hits, facets: { source: [{ value: 'الرصد اليومي', count: total }], year: [], author: [] }, terms: [args.q], tookMs: 1 }
  }
  const transport: ApiTransport = {
    call(method, args: any): Promise<Envelope> {
      calls.push({ method, args })
      if (method === 'search.status') {
        const state = statuses.length > 1 ? statuses.shift()! : statuses[0]!
        return Promise.resolve({ ok: true, value: { state, done: 5, total: 10, documents: 0 } })
      }
      if (method === 'search.suggest') return Promise.resolve({ ok: true, value: opts.suggestions ?? [] })
      const answer: Envelope = { ok: true, value: page(args) }
      if (!holding) return Promise.resolve(answer)
      return new Promise((resolve) => held.push({ args, release: () => resolve(answer) }))
    },
  }
  setTransport(transport)
  return {
    calls,
    queries: () => calls.filter((c) => c.method === 'search.query').map((c) => c.args),
    hold: (on: boolean) => (holding = on),
    held,
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('search store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.useRealTimers())

  it('sends the query with its filters, strictness and order, and only the filters that are set', async () => {
    const engine = fakeEngine()
    const store = useSearchStore()
    store.query = 'سيول السنابل'
    store.filters = { sources: ['الرصد اليومي'], years: [2024], authors: [], from: '2024-01-01', to: '' }
    store.strict = { diacritics: false, hamza: true }
    store.sort = 'date_desc'
    await store.search()
    expect(engine.calls).toEqual([
      {
        method: 'search.query',
        args: {
          q: 'سيول السنابل', offset: 0, limit: PAGE_SIZE, sort: 'date_desc',
          filters: { sources: ['الرصد اليومي'], years: [2024], from: '2024-01-01' },
          strict: { diacritics: false, hamza: true },
        },
      },
    ])
    expect(store.total).toBe(120)
    expect(store.hitAt(0)?.id).toBe(1)
    expect(store.shownQuery).toBe('سيول السنابل')
  })

  it('waits for a pause in typing, then searches once and asks for completions of the last word', async () => {
    vi.useFakeTimers()
    const engine = fakeEngine({ suggestions: ['سيول', 'سيولة'] })
    const store = useSearchStore()
    store.setQuery('سي')
    vi.advanceTimersByTime(DEBOUNCE_MS - 50)
    store.setQuery('سيو')
    vi.advanceTimersByTime(DEBOUNCE_MS - 1)
    expect(engine.calls).toEqual([])
    vi.advanceTimersByTime(1)
    await vi.runAllTimersAsync()
    expect(engine.calls.map((c) => [c.method, c.args.q ?? c.args.prefix])).toEqual([
      ['search.query', 'سيو'],
      ['search.suggest', 'سيو'],
    ])
    expect(store.suggestions).toEqual(['سيول', 'سيولة'])
    store.applySuggestion('سيولة')
    expect(store.query).toBe('سيولة ')
    expect(store.suggestions).toEqual([])
    await vi.runAllTimersAsync()
    expect(engine.queries().at(-1).q).toBe('سيولة')
  })

  it('drops the answer to an older query that arrives after the newer one', async () => {
    const engine = fakeEngine()
    const store = useSearchStore()
    engine.hold(true)
    store.query = 'سيول'
    const first = store.search()
    store.query = 'مترو'
    const second = store.search()
    expect(engine.held.map((h) => h.args.q)).toEqual(['سيول', 'مترو'])
    engine.held[1]!.release()
    await second
    expect(store.hitAt(0)?.title).toBe('مترو 1')
    engine.held[0]!.release()
    await first
    expect(store.hitAt(0)?.title).toBe('مترو 1')
    expect(store.shownQuery).toBe('مترو')
    expect(store.loading).toBe(false)
  })

  it('keeps the old results on screen until the new query answers', async () => {
    const engine = fakeEngine()
    const store = useSearchStore()
    store.query = 'سيول'
    await store.search()
    engine.hold(true)
    store.query = 'مترو'
    const pending = store.search()
    expect(store.hitAt(0)?.title).toBe('سيول 1')
    expect(store.loading).toBe(true)
    engine.held[0]!.release()
    await pending
    expect(store.hitAt(0)?.title).toBe('مترو 1')
  })

  it('fetches the pages the list scrolls to, each once, at the right offsets, and keeps them', async () => {
    const engine = fakeEngine({ total: 10_000 })
    const store = useSearchStore()
    store.query = 'سيول'
    await store.search()
    store.ensureRange(40, 120)
    store.ensureRange(45, 125) // the same pages again while they are on their way
    await flush()
    store.ensureRange(5_000, 5_030)
    store.ensureRange(9_990, 10_050) // past the end: only the last page
    await flush()
    expect(engine.queries().map((a) => [a.offset, a.limit])).toEqual([
      [0, PAGE_SIZE], [50, PAGE_SIZE], [100, PAGE_SIZE], [5_000, PAGE_SIZE], [9_950, PAGE_SIZE],
    ])
    expect(store.pages.size).toBe(5)
    expect(store.hitAt(120)?.id).toBe(121)
    expect(store.hitAt(5_010)?.id).toBe(5_011)
    expect(store.hitAt(300)).toBeUndefined()
    // Every page is fetched with the request frozen when the query ran, not what is being typed now.
    store.query = 'مترو'
    store.ensureRange(300, 310)
    await flush()
    expect(engine.queries().at(-1)).toMatchObject({ q: 'سيول', offset: 300 })
  })

  it('starts over from the first page when a facet is toggled, and drops the pages it had', async () => {
    const engine = fakeEngine({ total: 500 })
    const store = useSearchStore()
    store.query = 'سيول'
    await store.search()
    store.ensureRange(0, 160)
    await flush()
    expect(store.pages.size).toBe(4)
    const version = store.resultsVersion
    await store.toggleSource('الرصد اليومي')
    expect(engine.queries().at(-1)).toMatchObject({ offset: 0, filters: { sources: ['الرصد اليومي'] } })
    expect([...store.pages.keys()]).toEqual([0])
    expect(store.resultsVersion).toBe(version + 1)
    await store.toggleYear(2024)
    await store.toggleAuthor('ليلى حداد')
    expect(engine.queries().at(-1)).toMatchObject({ offset: 0, filters: { sources: ['الرصد اليومي'], years: [2024], authors: ['ليلى حداد'] } })
    await store.toggleSource('الرصد اليومي')
    expect(engine.queries().at(-1).filters).toEqual({ years: [2024], authors: ['ليلى حداد'] })
    expect(store.activeFilterCount).toBe(2)
  })

  it('sends the strictness switches and the order, each time from the first page', async () => {
    const engine = fakeEngine()
    const store = useSearchStore()
    store.query = 'أسعار'
    await store.setStrict('hamza', true)
    await store.setStrict('diacritics', true)
    await store.setSort('date_asc')
    await store.setDates('2024-01-01', '2024-12-31')
    expect(engine.queries().map((a) => [a.offset, a.strict, a.sort, a.filters])).toEqual([
      [0, { diacritics: false, hamza: true }, 'relevance', {}],
      [0, { diacritics: true, hamza: true }, 'relevance', {}],
      [0, { diacritics: true, hamza: true }, 'date_asc', {}],
      [0, { diacritics: true, hamza: true }, 'date_asc', { from: '2024-01-01', to: '2024-12-31' }],
    ])
  })

  it('does not call the engine for an empty query, and clears the results', async () => {
    const engine = fakeEngine()
    const store = useSearchStore()
    store.query = 'سيول'
    await store.search()
    store.query = '   '
    await store.search()
    expect(engine.queries()).toHaveLength(1)
    expect(store.total).toBe(0)
    expect(store.pages.size).toBe(0)
    expect(store.shownQuery).toBe('')
  })

  it('polls the index status every 500 ms while it builds, then runs the query that waited', async () => {
    vi.useFakeTimers()
    const engine = fakeEngine({ statuses: ['loading', 'building', 'building', 'ready'] })
    const store = useSearchStore()
    await store.refreshStatus()
    expect(store.indexBusy).toBe(true)
    store.query = 'سيول'
    await store.search()
    expect(engine.queries()).toEqual([])
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS)
    expect(store.status?.state).toBe('building')
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS * 2)
    expect(store.status?.state).toBe('ready')
    expect(store.indexBusy).toBe(false)
    expect(engine.calls.filter((c) => c.method === 'search.status')).toHaveLength(4)
    expect(engine.queries()).toHaveLength(1)
    expect(store.total).toBe(120)
    await vi.advanceTimersByTimeAsync(STATUS_POLL_MS * 4)
    expect(engine.calls.filter((c) => c.method === 'search.status')).toHaveLength(4) // no polling once ready
  })

  it('keeps an engine error for the view, and clears it when a query succeeds', async () => {
    let fail = true
    const calls: Call[] = []
    setTransport({
      async call(method, args) {
        calls.push({ method, args })
        if (fail) return { ok: false, error: { code: 'internal', message: 'The search worker stopped.' } }
        return { ok: true, value: { total: 0, complete: 0, offset: 0, hits: [], facets: { source: [], year: [], author: [] }, terms: [], tookMs: 0 } }
      },
    })
    const store = useSearchStore()
    store.query = 'سيول'
    await store.search()
    expect(store.error?.message).toBe('The search worker stopped.')
    expect(store.loading).toBe(false)
    fail = false
    await store.search()
    expect(store.error).toBeNull()
  })
})

describe('wordBeingTyped', () => {
  it('finds the last word after operators, and nothing after a space or an operator', () => {
    expect(wordBeingTyped('سيول السنا')).toEqual({ start: 5, word: 'السنا' })
    expect(wordBeingTyped('سيول -السنا')).toEqual({ start: 6, word: 'السنا' })
    expect(wordBeingTyped('title:المتر')).toEqual({ start: 6, word: 'المتر' })
    expect(wordBeingTyped('"الخط الثا')).toEqual({ start: 6, word: 'الثا' })
    expect(wordBeingTyped('«الخط')).toEqual({ start: 1, word: 'الخط' })
    expect(wordBeingTyped('سيول ')).toBeNull()
    expect(wordBeingTyped('مفاوض*')).toBeNull()
    expect(wordBeingTyped('سيول OR')).toBeNull()
    expect(wordBeingTyped('س')).toBeNull()
  })
})
