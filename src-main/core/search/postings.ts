// One term's postings in one field (short document id → how often the term occurs there), in a
// form MiniSearch can use wherever it uses a Map: the same methods, the same iteration order.
// MiniSearch keeps a Map per term and field; for SaudiNewsNet that is 4.7 M Map entries at about
// 40 bytes each, and building them grows every Map's table again and again, leaving as much garbage
// in the old generation. Here the postings are pairs in one array of exactly the right length
// (doc, count, doc, count …, sorted by doc): 8 to 16 bytes a posting, and nothing to grow.
//
// Removing a posting leaves a hole (count 0) instead of shifting the rest, so MiniSearch may remove
// postings while it iterates the list (it does, when it meets discarded documents); the holes are
// squeezed out when a posting is next added.

/** Lists longer than this many postings keep them in an Int32Array (no per-element tagging). */
const TYPED_FROM = 32

export class PostingList implements Map<number, number> {
  private data: number[] | Int32Array
  /** Pairs in `data`, holes included. */
  private pairs: number
  private live: number
  /** Where the last lookup or iteration was: MiniSearch reads a document's count right after its id. */
  private cursor = 0

  private constructor(data: number[] | Int32Array, pairs: number, live: number) {
    this.data = data
    this.pairs = pairs
    this.live = live
  }

  /** A list to be filled with `fill`, in increasing document order, exactly `count` times. */
  static sized(count: number): PostingList {
    return new PostingList(count > TYPED_FROM ? new Int32Array(count * 2) : new Array<number>(count * 2).fill(0), 0, 0)
  }

  /** The postings in `pairs` (doc, count, …, by increasing doc, no count 0), kept where they are: a view of a loaded snapshot. */
  static over(pairs: Int32Array): PostingList {
    return new PostingList(pairs, pairs.length >> 1, pairs.length >> 1)
  }

  /** The postings of a Map, as MiniSearch makes them (the tests build lists this way; the index itself gets them from bulk-build.ts and snapshot.ts). */
  static fromMap(map: Map<number, number>): PostingList {
    const list = PostingList.sized(map.size)
    let ordered = true
    let previous = -1
    for (const [doc, count] of map) {
      if (doc <= previous) ordered = false
      previous = doc
      list.fill(doc, count)
    }
    if (!ordered) list.sortPairs()
    return list
  }

  /** Appends a posting to a list made by `sized` (documents in increasing order). */
  fill(doc: number, count: number): void {
    const at = this.pairs * 2
    this.data[at] = doc
    this.data[at + 1] = count
    this.pairs++
    this.live++
  }

  get size(): number {
    return this.live
  }

  /** Index of the pair holding `doc` (a hole included), or -1. */
  private find(doc: number): number {
    const data = this.data
    const c = this.cursor
    if (c < this.pairs && data[c * 2] === doc) return c
    let lo = 0
    let hi = this.pairs - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const d = data[mid * 2]!
      if (d === doc) return (this.cursor = mid)
      if (d < doc) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  get(doc: number): number | undefined {
    const i = this.find(doc)
    return i < 0 ? undefined : this.data[i * 2 + 1] || undefined
  }

  has(doc: number): boolean {
    return this.get(doc) !== undefined
  }

  set(doc: number, count: number): this {
    if (!(count > 0 && count <= 0x7fffffff && Number.isInteger(count))) throw new RangeError(`PostingList: a count is a positive integer, not ${count}`)
    const i = this.find(doc)
    if (i >= 0) {
      if (!this.data[i * 2 + 1]) this.live++
      this.data[i * 2 + 1] = count
      return this
    }
    if (this.pairs > this.live * 2) this.squeeze()
    let at = this.pairs
    if (at > 0 && this.data[(at - 1) * 2]! > doc) {
      // Not after the last one (MiniSearch adds documents in increasing order, so this is rare).
      at = 0
      while (this.data[at * 2]! < doc) at++
    }
    this.grow(this.pairs + 1)
    this.data.copyWithin(at * 2 + 2, at * 2, this.pairs * 2)
    this.data[at * 2] = doc
    this.data[at * 2 + 1] = count
    this.pairs++
    this.live++
    return this
  }

  delete(doc: number): boolean {
    const i = this.find(doc)
    if (i < 0 || !this.data[i * 2 + 1]) return false
    this.data[i * 2 + 1] = 0
    this.live--
    return true
  }

  clear(): void {
    this.data = []
    this.pairs = this.live = this.cursor = 0
  }

  private grow(pairs: number): void {
    if (this.data.length >= pairs * 2) return
    const capacity = Math.max(pairs, Math.ceil(this.pairs * 1.5)) * 2
    if (capacity > TYPED_FROM * 2 || this.data instanceof Int32Array) {
      const bigger = new Int32Array(capacity)
      bigger.set(this.data.slice(0, this.pairs * 2))
      this.data = bigger
    } else {
      while (this.data.length < capacity) (this.data as number[]).push(0)
    }
  }

  /** Drops the holes. */
  private squeeze(): void {
    let to = 0
    for (let from = 0; from < this.pairs; from++) {
      const count = this.data[from * 2 + 1]!
      if (!count) continue
      this.data[to * 2] = this.data[from * 2]!
      this.data[to * 2 + 1] = count
      to++
    }
    this.pairs = to
    this.cursor = 0
  }

  private sortPairs(): void {
    const pairs = Array.from({ length: this.pairs }, (_, i) => [this.data[i * 2]!, this.data[i * 2 + 1]!] as const).sort((a, b) => a[0] - b[0])
    pairs.forEach(([doc, count], i) => {
      this.data[i * 2] = doc
      this.data[i * 2 + 1] = count
    })
  }

  /** Visits the live postings in document order; the visitor may remove them as it goes. */
  private *walk<T>(pick: (doc: number, count: number) => T): MapIterator<T> {
    for (let i = 0; i < this.pairs; i++) {
      const count = this.data[i * 2 + 1]!
      if (!count) continue
      this.cursor = i
      yield pick(this.data[i * 2]!, count)
    }
    return undefined
  }

  keys(): MapIterator<number> {
    return this.walk((doc) => doc)
  }

  values(): MapIterator<number> {
    return this.walk((_, count) => count)
  }

  entries(): MapIterator<[number, number]> {
    return this.walk((doc, count): [number, number] => [doc, count])
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries()
  }

  forEach(visit: (count: number, doc: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    for (const [doc, count] of this.entries()) visit.call(thisArg, count, doc, this)
  }

  /** For the snapshot writer: the live postings as (doc, count) calls, in document order. */
  eachPosting(visit: (doc: number, count: number) => void): void {
    for (let i = 0; i < this.pairs; i++) {
      const count = this.data[i * 2 + 1]!
      if (count) visit(this.data[i * 2]!, count)
    }
  }

  get [Symbol.toStringTag](): string {
    return 'PostingList'
  }
}
