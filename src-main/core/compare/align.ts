// Paragraph alignment: which paragraphs of A and B say the same thing. A sequence alignment
// (dynamic programming over both paragraph lists, like Needleman–Wunsch) pairs paragraphs in order,
// one to one, one to two (a paragraph split) or two to one (two merged); paragraphs left over on
// both sides are then paired by similarity regardless of order (a paragraph moved). Similarity is
// the Dice coefficient of the two bags of normalized words. Last, a paragraph left alone whose
// words the other article carries anyway (shared passages) next to an aligned row joins that row:
// this catches merges and splits of more than two paragraphs, and rewrapped text.
import type { PassageMatch } from './passages'
import type { Words } from './words'

/** Below this similarity two paragraphs are not the same paragraph. */
export const MIN_PARAGRAPH_SIMILARITY = 0.4
/** A moved paragraph must be clearly the same: pairing out of order is easier to get wrong. */
const MIN_MOVED_SIMILARITY = 0.5
/** Paid by a split or merge, so that a plain one-to-one pair wins when it explains as much. */
const SPLIT_PENALTY = 0.05

export interface Alignment {
  a: number[]
  b: number[]
  similarity: number
  moved: boolean
}

/** A paragraph's words as a bag: distinct word ids, ascending, with their counts. */
interface Bag {
  ids: Int32Array
  counts: Int32Array
  size: number
}

function bagOf(wordIds: ArrayLike<number>): Bag {
  const sorted = Int32Array.from(wordIds).sort()
  const ids: number[] = []
  const counts: number[] = []
  for (let k = 0; k < sorted.length; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) counts[counts.length - 1]!++
    else ids.push(sorted[k]!), counts.push(1)
  }
  return { ids: Int32Array.from(ids), counts: Int32Array.from(counts), size: sorted.length }
}

function bagsOf(words: Words): Bag[] {
  const bags: Bag[] = []
  for (let p = 0; p + 1 < words.paragraphStart.length; p++) bags.push(bagOf(words.ids.subarray(words.paragraphStart[p]!, words.paragraphStart[p + 1]!)))
  return bags
}

/** Dice similarity of two bags: one merge of their sorted id lists. */
function dicePair(x: Bag, y: Bag): number {
  if (x.size === 0 || y.size === 0) return 0
  let common = 0
  for (let i = 0, j = 0; i < x.ids.length && j < y.ids.length; ) {
    const a = x.ids[i]!
    const b = y.ids[j]!
    if (a < b) i++
    else if (a > b) j++
    else common += Math.min(x.counts[i++]!, y.counts[j++]!)
  }
  return (2 * common) / (x.size + y.size)
}

/** Dice similarity of one bag against the union of others (a merge of sorted id lists: no hashing). */
function dice(one: Bag, others: Bag[]): number {
  let othersSize = 0
  for (const bag of others) othersSize += bag.size
  if (one.size === 0 || othersSize === 0) return 0
  const at = new Array<number>(others.length).fill(0)
  let common = 0
  for (let k = 0; k < one.ids.length; k++) {
    const w = one.ids[k]!
    let other = 0
    for (let o = 0; o < others.length; o++) {
      const bag = others[o]!
      let i = at[o]!
      while (i < bag.ids.length && bag.ids[i]! < w) i++
      if (i < bag.ids.length && bag.ids[i] === w) other += bag.counts[i]!
      at[o] = i
    }
    common += Math.min(one.counts[k]!, other)
  }
  return (2 * common) / (one.size + othersSize)
}

const enum Move {
  SkipA = 1,
  SkipB,
  OneOne,
  OneTwo,
  TwoOne,
}

export function alignParagraphs(a: Words, b: Words, passages: readonly PassageMatch[] = []): Alignment[] {
  const bagsA = bagsOf(a)
  const bagsB = bagsOf(b)
  const n = bagsA.length
  const m = bagsB.length
  const sim = new Float32Array(n * m)
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) sim[i * m + j] = dicePair(bagsA[i]!, bagsB[j]!)

  const gain = (s: number) => s - MIN_PARAGRAPH_SIMILARITY
  const width = m + 1
  const score = new Float64Array((n + 1) * width)
  const move = new Uint8Array((n + 1) * width)
  const splitSim = new Map<number, number>() // cell → similarity of its split/merge pair
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue
      let best = -Infinity
      let how: Move = Move.SkipB
      // Skipping B wins ties, so that in a gap A's leftover paragraphs come before B's (the walk back reverses).
      if (j > 0 && score[i * width + j - 1]! > best) (best = score[i * width + j - 1]!), (how = Move.SkipB)
      if (i > 0 && score[(i - 1) * width + j]! > best) (best = score[(i - 1) * width + j]!), (how = Move.SkipA)
      if (i > 0 && j > 0) {
        const s = sim[(i - 1) * m + j - 1]!
        if (s >= MIN_PARAGRAPH_SIMILARITY && score[(i - 1) * width + j - 1]! + gain(s) > best) (best = score[(i - 1) * width + j - 1]! + gain(s)), (how = Move.OneOne)
      }
      // A split or merge is only worth looking at when both parts resemble the whole a little.
      if (i > 0 && j > 1 && sim[(i - 1) * m + j - 2]! > 0.2 && sim[(i - 1) * m + j - 1]! > 0.2) {
        const s = dice(bagsA[i - 1]!, [bagsB[j - 2]!, bagsB[j - 1]!])
        const total = score[(i - 1) * width + j - 2]! + gain(s) - SPLIT_PENALTY
        if (s >= MIN_PARAGRAPH_SIMILARITY && total > best) (best = total), (how = Move.OneTwo), splitSim.set(i * width + j, s)
      }
      if (i > 1 && j > 0 && sim[(i - 2) * m + j - 1]! > 0.2 && sim[(i - 1) * m + j - 1]! > 0.2) {
        const s = dice(bagsB[j - 1]!, [bagsA[i - 2]!, bagsA[i - 1]!])
        const total = score[(i - 2) * width + j - 1]! + gain(s) - SPLIT_PENALTY
        if (s >= MIN_PARAGRAPH_SIMILARITY && total > best) (best = total), (how = Move.TwoOne), splitSim.set(i * width + j, s)
      }
      score[i * width + j] = best
      move[i * width + j] = how
    }
  }

  const rows: Alignment[] = []
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const how = move[i * width + j] as Move
    const cell = i * width + j
    if (how === Move.SkipA) rows.push({ a: [--i], b: [], similarity: 0, moved: false })
    else if (how === Move.SkipB) rows.push({ a: [], b: [--j], similarity: 0, moved: false })
    else if (how === Move.OneOne) rows.push({ a: [--i], b: [--j], similarity: sim[i * m + j]!, moved: false })
    else if (how === Move.OneTwo) rows.push({ a: [i - 1], b: [j - 2, j - 1], similarity: splitSim.get(cell)!, moved: false }), (i -= 1), (j -= 2)
    else rows.push({ a: [i - 2, i - 1], b: [j - 1], similarity: splitSim.get(cell)!, moved: false }), (i -= 2), (j -= 1)
  }
  rows.reverse()
  pairMoved(rows, sim, m)
  if (passages.length) {
    absorbCarried(rows, a, b, passages)
    for (const row of rows) {
      if (row.a.length + row.b.length <= 3 || !row.a.length || !row.b.length) continue
      row.similarity = dice(bagOf(row.a.flatMap((i) => [...a.ids.subarray(a.paragraphStart[i]!, a.paragraphStart[i + 1]!)])), row.b.map((j) => bagsB[j]!))
    }
  }
  return rows
}

/** A paragraph counts as carried by the other article when this share of its words is in shared passages. */
const CARRIED = 0.5

/**
 * Joins to an aligned row the paragraphs left alone next to it whose words the other article
 * carries in that row or in the paragraphs left alone beside it (shared passages say where each
 * word went). Works gap by gap between two rows aligned in order, from each end of the gap inwards.
 */
function absorbCarried(rows: Alignment[], a: Words, b: Words, passages: readonly PassageMatch[]): void {
  const toB = new Int32Array(a.ids.length).fill(-1)
  const toA = new Int32Array(b.ids.length).fill(-1)
  for (const p of passages) for (let k = 0; k < p.length; k++) (toB[p.a + k] = p.b + k), (toA[p.b + k] = p.a + k)

  const anchored = (r: Alignment | undefined) => r !== undefined && r.a.length > 0 && r.b.length > 0 && !r.moved
  for (let start = 0; start < rows.length; ) {
    if (anchored(rows[start]) && start > 0) {
      start++
      continue
    }
    // rows[start, end) are unmatched; prev and next are the anchored rows around them (if any).
    let end = start
    while (end < rows.length && !anchored(rows[end])) end++
    if (end === start) {
      start++
      continue
    }
    const gap = rows.slice(start, end)
    const prev = start > 0 ? rows[start - 1] : undefined
    const next = rows[end]
    if (gap.some((r) => r.moved || (r.a.length && r.b.length)) || (!prev && !next)) {
      start = end + 1
      continue
    }
    const gapA = new Set(gap.flatMap((r) => r.a))
    const gapB = new Set(gap.flatMap((r) => r.b))
    /** Where paragraph `p` of one side went: words landing near prev, near next, and in all. */
    const destination = (words: Words, p: number, map: Int32Array, other: Words, side: 'a' | 'b') => {
      const [otherPrev, otherNext, otherGap] = side === 'a' ? [prev?.b, next?.b, gapB] : [prev?.a, next?.a, gapA]
      let toPrev = 0
      let toNext = 0
      for (let i = words.paragraphStart[p]!; i < words.paragraphStart[p + 1]!; i++) {
        if (map[i]! < 0) continue
        const q = other.paragraph[map[i]!]!
        if (otherPrev?.includes(q)) toPrev++
        else if (otherNext?.includes(q)) toNext++
        else if (otherGap.has(q)) (otherPrev ? toPrev++ : toNext++)
      }
      const size = words.paragraphStart[p + 1]! - words.paragraphStart[p]!
      return { carried: size > 0 && toPrev + toNext >= CARRIED * size, towardsPrev: toPrev >= toNext }
    }
    const absorbed = new Set<Alignment>()
    for (const [side, words, map, other] of [['a', a, toB, b], ['b', b, toA, a]] as const) {
      const alone = gap.filter((r) => r[side].length > 0)
      // From the start of the gap into prev, then from its end into next, while paragraphs are carried.
      let lo = 0
      while (prev && lo < alone.length) {
        const p = alone[lo]!
        const d = destination(words, p[side][0]!, map, other, side)
        if (!d.carried || !d.towardsPrev || p[side][0] !== prev[side].at(-1)! + 1) break
        prev[side].push(p[side][0]!)
        absorbed.add(p)
        lo++
      }
      for (let hi = alone.length - 1; next && hi >= lo; hi--) {
        const p = alone[hi]!
        const d = destination(words, p[side][0]!, map, other, side)
        if (!d.carried || p[side][0] !== next[side][0]! - 1) break
        next[side].unshift(p[side][0]!)
        absorbed.add(p)
      }
    }
    rows.splice(start, end - start, ...gap.filter((r) => !absorbed.has(r)))
    start = start + gap.filter((r) => !absorbed.has(r)).length + 1
  }
}

/** Pairs A's and B's leftover paragraphs, most similar first; the pair takes the A paragraph's place. */
function pairMoved(rows: Alignment[], sim: Float32Array, m: number): void {
  const onlyA = rows.filter((r) => r.b.length === 0)
  const onlyB = rows.filter((r) => r.a.length === 0)
  const candidates: { ra: Alignment; rb: Alignment; s: number }[] = []
  for (const ra of onlyA) for (const rb of onlyB) {
    const s = sim[ra.a[0]! * m + rb.b[0]!]!
    if (s >= MIN_MOVED_SIMILARITY) candidates.push({ ra, rb, s })
  }
  candidates.sort((x, y) => y.s - x.s)
  const taken = new Set<Alignment>()
  for (const { ra, rb, s } of candidates) {
    if (taken.has(ra) || taken.has(rb)) continue
    taken.add(ra).add(rb)
    ra.b = rb.b
    ra.similarity = s
    ra.moved = true
    rows.splice(rows.indexOf(rb), 1)
  }
}
