// A timeline event cites a character range of an article's body (its date mention), where the body
// is the paragraphs joined by "\n\n" (as the engine stores and extracts from it). The reader shows
// the whole sentence around it, found the way the engine found the event's sentence, and highlights
// paragraph by paragraph, so the range is cut into one range per paragraph it touches.
import type { Range } from './highlight'
import { sentenceAround } from '../../src-main/core/timeline/sentence'

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

/** The sentence around body[start, end) (the range itself when it is a whole sentence), per paragraph. */
export function citedSentence(paragraphs: readonly string[], start: number, end: number): Range[][] {
  const body = paragraphs.join('\n\n')
  if (start >= body.length) return paragraphs.map(() => [])
  // From the range's last character, so a range that already ends with its full stop stays in its sentence.
  const last = Math.max(start + 1, Math.min(end, body.length) - 1)
  const sentence = sentenceAround(body, start, last, Number.MAX_SAFE_INTEGER)
  return bodyRangeToParagraphs(paragraphs, Math.min(sentence.start, start), Math.max(sentence.end, end))
}
