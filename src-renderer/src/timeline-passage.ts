// A cited sentence is a character range of an article's body, where the body is its paragraphs
// joined by "\n\n" (as the engine stores and extracts from it). The reader highlights paragraph by
// paragraph, so the range is cut into one range per paragraph it touches.
import type { Range } from './highlight'

const SEPARATOR = 2 // "\n\n"

/** Reads `?at=<start>-<end>`; null when absent or not a non-empty range. */
export function parseAt(at: string | undefined | null): { start: number; end: number } | null {
  const m = /^(\d+)-(\d+)$/.exec(at ?? '')
  if (!m) return null
  const start = Number(m[1])
  const end = Number(m[2])
  return end > start ? { start, end } : null
}

/** The body range [start, end) as ranges inside each paragraph (empty for the paragraphs it misses). */
export function bodyRangeToParagraphs(paragraphs: readonly string[], start: number, end: number): Range[][] {
  let offset = 0
  return paragraphs.map((p) => {
    const from = Math.max(start, offset) - offset
    const to = Math.min(end, offset + p.length) - offset
    offset += p.length + SEPARATOR
    return to > from ? [[from, to] as Range] : []
  })
}
