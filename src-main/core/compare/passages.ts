// Text reuse: the runs of at least MIN_PASSAGE_WORDS normalized words that both articles carry,
// wherever they are (not only inside aligned paragraphs), found by hashing every run of that many
// words of A and extending each hit in B as far as the two agree (greedy, longest first at each
// position of B). Each word of A belongs to one passage at most.
import type { Words } from './words'

export const MIN_PASSAGE_WORDS = 8

export interface PassageMatch {
  /** First word in A and in B, and the length in words. */
  a: number
  b: number
  length: number
}

/** Hash of the run of MIN_PASSAGE_WORDS words starting at `i` (a hit is checked word by word). */
const runKey = (ids: Int32Array, i: number): number => {
  let h = 0
  for (let k = 0; k < MIN_PASSAGE_WORDS; k++) h = (Math.imul(h, 0x01000193) + ids[i + k]!) | 0
  return h
}

/** At most this many places of A are tried per run (a run repeated more often is boilerplate). */
const MAX_CANDIDATES = 32

export function findSharedPassages(a: Words, b: Words): PassageMatch[] {
  const runsOfA = new Map<number, number[]>()
  for (let i = 0; i + MIN_PASSAGE_WORDS <= a.ids.length; i++) {
    const key = runKey(a.ids, i)
    const at = runsOfA.get(key)
    if (at) {
      if (at.length < MAX_CANDIDATES) at.push(i)
    } else runsOfA.set(key, [i])
  }
  const usedA = new Uint8Array(a.ids.length)
  const matches: PassageMatch[] = []
  for (let j = 0; j + MIN_PASSAGE_WORDS <= b.ids.length; ) {
    const starts = runsOfA.get(runKey(b.ids, j))
    let best: PassageMatch | null = null
    for (const i of starts ?? []) {
      let length = 0
      while (i + length < a.ids.length && j + length < b.ids.length && !usedA[i + length] && a.ids[i + length] === b.ids[j + length]) length++
      if (length >= MIN_PASSAGE_WORDS && (!best || length > best.length)) best = { a: i, b: j, length }
    }
    if (!best) {
      j++
      continue
    }
    usedA.fill(1, best.a, best.a + best.length)
    matches.push(best)
    j += best.length
  }
  return matches.sort((x, y) => x.a - y.a)
}
