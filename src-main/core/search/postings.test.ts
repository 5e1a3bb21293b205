import { describe, expect, it } from 'vitest'
import { PostingList } from './postings'

/** A small deterministic random sequence (the same operations on every run). */
function random(seed: number) {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
}

describe('a posting list', () => {
  it('answers every Map question as a Map with the same postings does, through any adds and removals', () => {
    for (const size of [0, 3, 40, 300]) {
      const map = new Map<number, number>()
      for (let doc = 0; doc < size; doc++) map.set(doc * 3, 1 + (doc % 5))
      const list = PostingList.fromMap(map)
      const next = random(size + 1)
      for (let step = 0; step < 2000; step++) {
        const doc = Math.floor(next() * (size * 3 + 50))
        const r = next()
        if (r < 0.4) {
          const count = 1 + Math.floor(next() * 9)
          map.set(doc, count)
          list.set(doc, count)
        } else if (r < 0.7) expect(list.delete(doc)).toBe(map.delete(doc))
        else expect(list.get(doc)).toBe(map.get(doc))
        expect(list.size).toBe(map.size)
      }
      expect([...list]).toEqual([...map].sort((a, b) => a[0] - b[0]))
      expect([...list.keys()]).toEqual([...map.keys()].sort((a, b) => a - b))
      expect(Object.fromEntries(list)).toEqual(Object.fromEntries(map))
    }
  })

  it('lets postings be removed while it is being iterated, as MiniSearch does with discarded documents', () => {
    const list = PostingList.fromMap(new Map(Array.from({ length: 100 }, (_, i) => [i, 2] as [number, number])))
    const seen: number[] = []
    for (const doc of list.keys()) {
      seen.push(doc)
      if (doc % 2 === 0) list.delete(doc)
      else list.set(doc, list.get(doc)! - 1)
    }
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i))
    expect(list.size).toBe(50)
    expect([...list.entries()].every(([doc, count]) => doc % 2 === 1 && count === 1)).toBe(true)
  })

  it('keeps documents in order when they come out of order', () => {
    const list = PostingList.fromMap(new Map([[9, 1], [2, 4], [5, 1]]))
    list.set(1, 7)
    expect([...list.keys()]).toEqual([1, 2, 5, 9])
    expect(list.get(2)).toBe(4)
  })

  it('refuses a count that is not a positive whole number', () => {
    const list = PostingList.sized(1)
    expect(() => list.set(1, 0)).toThrow(RangeError)
    expect(() => list.set(1, 1.5)).toThrow(RangeError)
  })
})
