// The passage shown under a search hit: the window of the text where the query's words are densest,
// cut at word boundaries, with the matches as character ranges into the snippet's own text.

export interface Snippet {
  text: string
  /** [start, end) ranges inside `text` to highlight. */
  highlights: [number, number][]
  /** True when text was cut before / after the snippet. */
  cutStart: boolean
  cutEnd: boolean
}

export type Range = [number, number]

/**
 * Picks the window of about `size` characters holding the most distinct matched words (then the
 * most matches), so a passage mentioning every query word wins over one repeating a single word.
 */
export function makeSnippet(text: string, matches: Range[], size = 240, termOf: (r: Range) => string = (r) => text.slice(r[0], r[1])): Snippet {
  if (matches.length === 0) {
    const end = cutAtWord(text, Math.min(text.length, size), +1)
    return { text: text.slice(0, end).trim(), highlights: [], cutStart: false, cutEnd: end < text.length }
  }
  const sorted = [...matches].sort((a, b) => a[0] - b[0])
  let best = { start: 0, distinct: -1, count: -1 }
  for (let i = 0, j = 0; i < sorted.length; i++) {
    // Two pointers: the window opening at match i covers every match ending within `size`.
    if (j < i) j = i
    while (j + 1 < sorted.length && sorted[j + 1]![1] - sorted[i]![0] <= size) j++
    const window = sorted.slice(i, j + 1)
    const distinct = new Set(window.map(termOf)).size
    if (distinct > best.distinct || (distinct === best.distinct && window.length > best.count)) best = { start: i, distinct, count: window.length }
  }
  const first = sorted[best.start]!
  const last = sorted[best.start + best.count - 1]!
  // Centre the matched span in the window, then widen to whole words.
  const slack = Math.max(0, size - (last[1] - first[0]))
  let start = Math.max(0, first[0] - Math.floor(slack / 3))
  let end = Math.min(text.length, start + Math.max(size, last[1] - first[0] + 1))
  start = cutAtWord(text, start, -1)
  end = cutAtWord(text, end, +1)
  const highlights = sorted.filter(([s, e]) => s >= start && e <= end).map(([s, e]): Range => [s - start, e - start])
  return { text: text.slice(start, end), highlights, cutStart: start > 0, cutEnd: end < text.length }
}

/** Moves `i` to the nearest white space in direction `dir` (never more than 30 characters). */
function cutAtWord(text: string, i: number, dir: -1 | 1): number {
  if (i <= 0 || i >= text.length) return Math.max(0, Math.min(text.length, i))
  for (let k = 0; k < 30; k++) {
    const j = i + dir * k
    if (j <= 0 || j >= text.length) return Math.max(0, Math.min(text.length, j))
    if (/\s/.test(text[j]!)) return dir < 0 ? j + 1 : j
  }
  return i
}
