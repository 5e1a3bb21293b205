import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ApiTransport, Envelope } from '@contract'
import { setTransport } from '../api/client'
import { PAGE_SIZE, useArchiveStore } from './archive'

/** A fake engine with `total` articles that records the calls it gets. */
function fakeEngine(total: number, fail = false) {
  const calls: { method: string; args: any }[] = []
  const transport: ApiTransport = {
    async call(method, args: any): Promise<Envelope> {
      calls.push({ method, args })
      if (fail) return { ok: false, error: { code: 'archive_corrupt', message: 'The archive is damaged.' } }
      const items = Array.from({ length: Math.max(0, Math.min(args.limit, total - args.offset)) }, (_, i) => ({
        id: args.offset + i + 1, title: `خبر ${args.offset + i + 1}`, titleDerived: false, date: null, datePrecision: 'unknown', source: null, author: null,
      }))
      return { ok: true, value: { items, total } }
    },
  }
  setTransport(transport)
  return calls
}

describe('archive store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('loads the first page and knows how many pages there are', async () => {
    const calls = fakeEngine(60)
    const store = useArchiveStore()
    await store.load(1)
    expect(store.items).toHaveLength(PAGE_SIZE)
    expect(store.total).toBe(60)
    expect(store.pages).toBe(3)
    expect(calls[0]).toEqual({ method: 'articles.list', args: { limit: PAGE_SIZE, offset: 0, sort: 'date_desc' } })
  })

  it('asks for the right slice when paging, and starts over when the order changes', async () => {
    const calls = fakeEngine(60)
    const store = useArchiveStore()
    await store.load(3)
    expect(store.page).toBe(3)
    expect(store.items.map((a) => a.id)).toEqual(Array.from({ length: 10 }, (_, i) => 51 + i))
    await store.setSort('title')
    expect(store.page).toBe(1)
    expect(calls.at(-1)!.args).toEqual({ limit: PAGE_SIZE, offset: 0, sort: 'title' })
  })

  it('keeps the error for the view to show, and clears it on the next success', async () => {
    fakeEngine(5, true)
    const store = useArchiveStore()
    await store.load(1)
    expect(store.error?.message).toBe('The archive is damaged.')
    expect(store.loading).toBe(false)
    fakeEngine(5)
    await store.load(1)
    expect(store.error).toBeNull()
    expect(store.items).toHaveLength(5)
  })
})
