// The sentence (or, when the sentence is long, the clause) around a mention: a label for a timeline event.

export interface Span {
  text: string
  start: number
  end: number
}

/** sentence ends: . ! ? ؟ ؛ and line breaks; a full stop between digits (3.5) is not one */
const isSentenceEnd = (text: string, i: number): boolean => {
  const c = text[i]!
  if (c === '\n' || c === '!' || c === '?' || c === '؟' || c === '؛') return true
  if (c === '.') return !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''))
  return false
}
const isClauseEnd = (c: string) => c === '،' || c === ',' || c === ':' || c === ';'

/**
 * The sentence holding text[start, end). If it is longer than maxLength, the clauses (split at
 * ، , : ;) around the mention, grown one clause at a time while they fit; if even the clause is too
 * long, a window of whole words around the mention. The result is always a substring of text,
 * without surrounding spaces.
 */
export function sentenceAround(text: string, start: number, end: number, maxLength = 240): Span {
  let s = start
  while (s > 0 && !isSentenceEnd(text, s - 1)) s--
  let e = end
  while (e < text.length && !isSentenceEnd(text, e)) e++
  if (e < text.length && text[e] !== '\n') e++ // keep the full stop

  if (e - s > maxLength) {
    // clause boundaries inside the sentence
    const cuts: number[] = [s]
    for (let i = s; i < e; i++) if (isClauseEnd(text[i]!)) cuts.push(i + 1)
    cuts.push(e)
    let lo = cuts.findLastIndex((c) => c <= start)
    let hi = cuts.findIndex((c) => c >= end)
    if (lo < 0) lo = 0
    if (hi < 0) hi = cuts.length - 1
    // grow while it fits, preferring what follows the date (what happened)
    for (let grown = true; grown; ) {
      grown = false
      if (hi + 1 < cuts.length && cuts[hi + 1]! - cuts[lo]! <= maxLength) (hi++, (grown = true))
      if (lo > 0 && cuts[hi]! - cuts[lo - 1]! <= maxLength) (lo--, (grown = true))
    }
    s = cuts[lo]!
    e = cuts[hi]!
    if (e - s > maxLength) {
      const half = Math.max(0, Math.floor((maxLength - (end - start)) / 2))
      let ws = Math.max(s, start - half)
      let we = Math.min(e, end + half)
      while (ws > s && !/\s/.test(text[ws - 1]!)) ws++
      while (we < e && !/\s/.test(text[we]!)) we--
      s = Math.min(ws, start)
      e = Math.max(we, end)
    }
  }
  while (s < start && /[\s،,:;)\]»"-]/.test(text[s]!)) s++
  while (e > end && /\s/.test(text[e - 1]!)) e--
  return { text: text.slice(s, e), start: s, end: e }
}
