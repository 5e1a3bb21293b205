import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiTransport, Envelope, ExportedFile } from '@contract'
import { setTransport } from '../api/client'
import { JOB_POLL_MS, compareRoute, parseCompareQuery, useCompareStore, type Comparison } from './compare'

interface Call {
  method: string
  args: any
}

/** A comparison with just enough in it to tell which pair it answers. */
const comparisonOf = (a: number, b: number) => ({ a: { id: a }, b: { id: b }, rows: [], passages: [], figures: [], metadata: [] }) as unknown as Comparison

/** A fake engine: answers through `answer`, records calls, and can hold answers back until released. */
function fakeEngine(answer: (method: string, args: any) => Envelope) {
  const calls: Call[] = []
  const held: (() => void)[] = []
  let holding = false
  const transport: ApiTransport = {
    call(method, args) {
      calls.push({ method, args })
      const envelope = answer(method, args)
      if (!holding) return Promise.resolve(envelope)
      return new Promise((resolve) => held.push(() => resolve(envelope)))
    },
  }
  setTransport(transport)
  return { calls, hold: (on: boolean) => (holding = on), held }
}

const ok = (value: unknown): Envelope => ({ ok: true, value })
const job = (state: string, extra: object = {}) => ({ id: 'job-1', kind: 'compare.export', state, startedAt: '', finishedAt: null, progress: { done: 0, total: 1 }, result: null, error: null, ...extra })

describe('what the address asks to compare', () => {
  it('reads a pair, one against several, or nothing', () => {
    expect(parseCompareQuery({ a: '1', b: '2' })).toEqual({ kind: 'pair', a: 1, b: 2 })
    expect(parseCompareQuery({ base: '3', others: '4,5,6' })).toEqual({ kind: 'many', base: 3, others: [4, 5, 6] })
    expect(parseCompareQuery({})).toEqual({ kind: 'none' })
    expect(parseCompareQuery({ a: '', b: '', base: '', others: '' })).toEqual({ kind: 'none' })
  })

  it('drops repeats and the base itself from the others', () => {
    expect(parseCompareQuery({ base: '3', others: '4,3,4,5' })).toEqual({ kind: 'many', base: 3, others: [4, 5] })
  })

  it('refuses what is not two different article numbers', () => {
    for (const q of [{ a: '1' }, { a: '1', b: '1' }, { a: 'x', b: '2' }, { a: '-1', b: '2' }, { a: '0', b: '2' }, { base: '1' }, { base: '1', others: '1' }, { base: '1', others: '2,abc' }]) {
      expect(parseCompareQuery(q), JSON.stringify(q)).toEqual({ kind: 'invalid' })
    }
  })

  it('leads two picked articles to the pair, more to the first against the rest', () => {
    expect(compareRoute([7])).toBeNull()
    expect(compareRoute([7, 9])).toEqual({ name: 'compare', query: { a: '7', b: '9' } })
    expect(compareRoute([7, 9, 11, 2])).toEqual({ name: 'compare', query: { base: '7', others: '9,11,2' } })
  })
})

describe('compare store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.useRealTimers())

  it('asks the engine for the pair and shows its answer', async () => {
    const engine = fakeEngine((_m, args) => ok(comparisonOf(args.a, args.b)))
    const store = useCompareStore()
    await store.load({ kind: 'pair', a: 1, b: 2 })
    expect(engine.calls).toEqual([{ method: 'compare.pair', args: { a: 1, b: 2 } }])
    expect(store.pair?.a.id).toBe(1)
    expect(store.loading).toBe(false)
    // The same pair again (coming back to the view) is not asked for twice.
    await store.load({ kind: 'pair', a: 1, b: 2 })
    expect(engine.calls).toHaveLength(1)
  })

  it('asks for one against several as a coverage table', async () => {
    const engine = fakeEngine(() => ok({ base: { id: 3 }, rows: [] }))
    const store = useCompareStore()
    await store.load({ kind: 'many', base: 3, others: [4, 5] })
    expect(engine.calls).toEqual([{ method: 'compare.many', args: { base: 3, others: [4, 5] } }])
    expect(store.table?.base.id).toBe(3)
    expect(store.pair).toBeNull()
  })

  it('never lets a slow answer for an earlier pair replace the current one', async () => {
    const engine = fakeEngine((_m, args) => ok(comparisonOf(args.a, args.b)))
    const store = useCompareStore()
    engine.hold(true)
    const first = store.load({ kind: 'pair', a: 1, b: 2 })
    const second = store.load({ kind: 'pair', a: 3, b: 4 })
    engine.held[1]!()
    await second
    engine.held[0]!()
    await first
    expect(store.pair?.a.id).toBe(3)
    expect(store.loading).toBe(false)
  })

  it('keeps the engine error to show it, and retries the same request', async () => {
    let fail = true
    const engine = fakeEngine((_m, args) => (fail ? { ok: false, error: { code: 'not_found', message: 'No article 99.' } } : ok(comparisonOf(args.a, args.b))))
    const store = useCompareStore()
    await store.load({ kind: 'pair', a: 1, b: 99 })
    expect(store.error?.message).toBe('No article 99.')
    expect(store.pair).toBeNull()
    fail = false
    await store.retry()
    expect(store.error).toBeNull()
    expect(store.pair?.b.id).toBe(99)
    expect(engine.calls).toHaveLength(2)
  })

  it('clears the answer when nothing is chosen', async () => {
    fakeEngine((_m, args) => ok(comparisonOf(args.a, args.b)))
    const store = useCompareStore()
    await store.load({ kind: 'pair', a: 1, b: 2 })
    await store.load({ kind: 'none' })
    expect(store.pair).toBeNull()
    expect(store.loading).toBe(false)
  })
})

describe('exporting a comparison', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.useRealTimers())

  const file: ExportedFile = { fileName: 'compare-1-2.pdf', mime: 'application/pdf', base64: 'JVBERg==' }

  it('starts the job, follows it until it ends, then saves the file', async () => {
    vi.useFakeTimers()
    const states = ['running', 'running', 'done']
    const engine = fakeEngine((method, args) => {
      if (method === 'compare.pair') return ok(comparisonOf(args.a, args.b))
      if (method === 'compare.export') return ok(job('running'))
      const state = states.shift()!
      return ok(job(state, state === 'done' ? { result: file, progress: { done: 1, total: 1 } } : {}))
    })
    const store = useCompareStore()
    await store.load({ kind: 'pair', a: 1, b: 2 })
    const saved: ExportedFile[] = []
    const done = store.exportPair('pdf', (f) => saved.push(f))
    await vi.advanceTimersByTimeAsync(0)
    expect(store.exportJob?.state).toBe('running')
    expect(store.exportFormat).toBe('pdf')
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 3)
    await done
    expect(engine.calls.filter((c) => c.method === 'compare.export').map((c) => c.args)).toEqual([{ a: 1, b: 2, format: 'pdf' }])
    expect(engine.calls.filter((c) => c.method === 'jobs.get')).toHaveLength(3)
    expect(saved).toEqual([file])
    expect(store.exportOutcome).toEqual({ kind: 'saved', fileName: 'compare-1-2.pdf' })
    expect(store.exportJob).toBeNull()
  })

  it('cancels a running export and says so, saving nothing', async () => {
    vi.useFakeTimers()
    let cancelled = false
    const engine = fakeEngine((method, args) => {
      if (method === 'compare.pair') return ok(comparisonOf(args.a, args.b))
      if (method === 'jobs.cancel') {
        cancelled = true
        return ok(job('running'))
      }
      return ok(job(cancelled ? 'cancelled' : 'running'))
    })
    const store = useCompareStore()
    await store.load({ kind: 'pair', a: 1, b: 2 })
    const saved: ExportedFile[] = []
    const done = store.exportPair('html', (f) => saved.push(f))
    await vi.advanceTimersByTimeAsync(0)
    await store.cancelExport()
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 2)
    await done
    expect(engine.calls.some((c) => c.method === 'jobs.cancel' && c.args.id === 'job-1')).toBe(true)
    expect(saved).toEqual([])
    expect(store.exportOutcome).toEqual({ kind: 'cancelled' })
  })

  it('shows why a failed export failed', async () => {
    vi.useFakeTimers()
    fakeEngine((method, args) => {
      if (method === 'compare.pair') return ok(comparisonOf(args.a, args.b))
      if (method === 'compare.export') return ok(job('running'))
      return ok(job('failed', { error: { code: 'internal', message: 'Chromium could not print.' } }))
    })
    const store = useCompareStore()
    await store.load({ kind: 'pair', a: 1, b: 2 })
    const done = store.exportPair('pdf', () => {})
    await vi.advanceTimersByTimeAsync(JOB_POLL_MS * 2)
    await done
    expect(store.exportError?.message).toBe('Chromium could not print.')
    expect(store.exportOutcome).toBeNull()
    expect(store.exportJob).toBeNull()
  })

  it('exports nothing when no pair is on screen', async () => {
    const engine = fakeEngine(() => ok(job('running')))
    const store = useCompareStore()
    await store.exportPair('pdf', () => {})
    expect(engine.calls).toEqual([])
  })
})
