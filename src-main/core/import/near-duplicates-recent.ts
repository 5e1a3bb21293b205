// The LSH band keys of the articles one import added, in memory: a hash table from band key to the
// articles holding it, newest first. While the database holds no other band rows, it answers what
// the per-band lookups in article_bands would (the newest members of each band), without going
// into SQLite 24 times per article. Typed arrays, so a batch of 100,000 articles (2.4 million band
// entries) costs some 60 MB and nothing for the garbage collector to walk.

const EMPTY = -1

export class RecentBands {
  /** Open addressing: the key of each slot (band keys are integers below 2^53) and its newest node. */
  private keys = new Float64Array(1 << 16)
  private heads = new Int32Array(1 << 16).fill(EMPTY)
  private used = 0
  /** One node per (key, article): the article and the next older node of the same key. */
  private ids = new Float64Array(1 << 16)
  private older = new Int32Array(1 << 16)
  private nodes = 0
  private articleCount = 0

  /** How many articles were added. */
  get articles(): number {
    return this.articleCount
  }

  /** The articles sharing any of `keys`, at most `perKey` (the newest) for each key; each once. */
  candidates(keys: readonly number[], perKey: number): Set<number> {
    const out = new Set<number>()
    for (const key of keys) {
      let node = this.heads[this.slotOf(key)]!
      for (let n = 0; node !== EMPTY && n < perKey; n++, node = this.older[node]!) out.add(this.ids[node]!)
    }
    return out
  }

  /** Records that article `id` (newer than every one before it) holds `keys`. */
  add(keys: readonly number[], id: number): void {
    for (const key of keys) {
      if ((this.used + 1) * 2 > this.heads.length) this.grow()
      const slot = this.slotOf(key)
      if (this.heads[slot] === EMPTY) {
        this.keys[slot] = key
        this.used++
      }
      if (this.nodes === this.ids.length) {
        this.ids = resized(this.ids, this.nodes * 2)
        this.older = resized(this.older, this.nodes * 2)
      }
      this.ids[this.nodes] = id
      this.older[this.nodes] = this.heads[slot]!
      this.heads[slot] = this.nodes++
    }
    this.articleCount++
  }

  /** The slot holding `key`, or the empty slot where it goes (linear probing). */
  private slotOf(key: number): number {
    const mask = this.heads.length - 1
    // The low 32 bits of a key are a hash already; the band number (high bits) moves it along.
    let slot = ((key >>> 0) ^ Math.imul(Math.floor(key / 0x100000000), 0x9e3779b1)) & mask
    while (this.heads[slot] !== EMPTY && this.keys[slot] !== key) slot = (slot + 1) & mask
    return slot
  }

  private grow(): void {
    const keys = this.keys
    const heads = this.heads
    this.keys = new Float64Array(keys.length * 2)
    this.heads = new Int32Array(heads.length * 2).fill(EMPTY)
    for (let i = 0; i < heads.length; i++) {
      if (heads[i] === EMPTY) continue
      const slot = this.slotOf(keys[i]!)
      this.keys[slot] = keys[i]!
      this.heads[slot] = heads[i]!
    }
  }
}

function resized<T extends Float64Array | Int32Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length)
  b.set(a)
  return b
}
