// The in-memory band table answers what a per-band lookup in article_bands would: the articles of
// each key, newest first, at most so many per key, each article once.
import { describe, expect, it } from 'vitest'
import { RecentBands } from './near-duplicates-recent'

describe('recent bands', () => {
  it('finds the articles sharing a key, the newest ones first and at most so many per key, each once', () => {
    const bands = new RecentBands()
    for (let id = 1; id <= 10; id++) bands.add([7, 100 + id], id)
    bands.add([5 * 0x100000000 + 7, 999], 11) // the same low bits in another band: another key
    expect([...bands.candidates([7], 3)]).toEqual([10, 9, 8])
    expect([...bands.candidates([7, 104, 110], 2)]).toEqual([10, 9, 4])
    expect([...bands.candidates([5 * 0x100000000 + 7], 40)]).toEqual([11])
    expect([...bands.candidates([8, 0], 40)]).toEqual([])
    expect(bands.articles).toBe(11)
  })

  it('gives the same answers as a plain map once it has grown far past its first size', () => {
    const bands = new RecentBands()
    const plain = new Map<number, number[]>()
    let seed = 1
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0)
    const keysOf = (id: number) => Array.from({ length: 24 }, (_, b) => b * 0x100000000 + (id % 7 === 0 ? 42 : next() % 50_000))
    for (let id = 1; id <= 5_000; id++) {
      const keys = keysOf(id)
      bands.add(keys, id)
      for (const k of keys) plain.set(k, [...(plain.get(k) ?? []), id].slice(-40))
    }
    for (const key of [...plain.keys()].filter((_, i) => i % 97 === 0)) {
      expect([...bands.candidates([key], 40)]).toEqual(plain.get(key)!.reverse())
    }
    expect([...bands.candidates([3 * 0x100000000 + 42], 5)]).toEqual([4998, 4991, 4984, 4977, 4970])
  })
})
