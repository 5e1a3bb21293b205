// Finds a query's words again in an article's original text, for highlighting while reading. The
// engine's own matcher (`search.highlight`) is preferred; this is the client-side approximation used
// when it cannot answer. It folds text the way the engine does (no diacritics or tatweel, one alef,
// ى/ي, ة/ه, Arabic-Indic digits, lower case), sets leading clitics aside, and treats a query word as
// a prefix of the text word — a light stand-in for the engine's stemming.
import { queryWords } from '../../src-main/core/search/query'

export type Range = [number, number]

// Harakat and Quranic marks, superscript alef, tatweel: they never change which word it is.
const IGNORED = /[\u064b-\u065f\u0670\u0640]/g
const FOLD: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي' }
const FOLDABLE = /[أإآٱىةؤئ\u0660-\u0669\u06f0-\u06f9]/g

/** A word as the engine compares it: `الحكـــومةُ` → `الحكومه`, `أسعار` → `اسعار`, `٥٦٠٠` → `5600`. */
export function normalizeArabic(word: string): string {
  return word
    .replace(IGNORED, '')
    .replace(FOLDABLE, (c) => {
      const code = c.charCodeAt(0)
      if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660)
      if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0)
      return FOLD[c] ?? c
    })
    .toLowerCase()
}

// A conjunction, then a preposition or the article, may lead a word: و + بال + حكومة. Longest first.
const CONJUNCTIONS = ['و', 'ف']
const PROCLITICS = ['بال', 'كال', 'لل', 'ال', 'ب', 'ل']
/** Shorter than this, a stem is too short to stand for a word by its beginning alone. */
const MIN_PREFIX = 3
/** Never strip a word below this many letters. */
const MIN_STEM = 2

/**
 * Every reading of a normalized word with or without its leading clitics. All readings are kept
 * because a clitic cannot be told from a root letter without a dictionary: `وزير` is a word, but
 * `وحكومه` is `و` + `حكومه`; comparing every reading of both sides finds either.
 */
function readings(word: string): string[] {
  const out = new Set([word])
  for (const w of [word, ...CONJUNCTIONS.filter((c) => word.startsWith(c)).map((c) => word.slice(c.length))]) {
    if (w.length >= MIN_STEM) out.add(w)
    for (const p of PROCLITICS) if (w.startsWith(p) && w.length - p.length >= MIN_STEM) out.add(w.slice(p.length))
  }
  return [...out]
}

// A word: letters, digits and the marks and tatweel inside it, so a highlight never splits a letter
// from its diacritic (that would break the Arabic shaping).
const WORD = /[\p{L}\p{N}\p{M}\u0640\u200c\u200d]+/gu

interface Needle {
  form: string
  /** Prefix match; otherwise the text word must equal it. */
  prefix: boolean
}

/** Compiles the words of a query (as `queryWords` gives them: prefixes end in `*`) into a matcher. */
export function makeMatcher(words: string[]): (text: string) => Range[] {
  const needles: Needle[] = []
  for (const raw of words) {
    const star = raw.endsWith('*')
    for (const part of raw.replace(/\*+$/, '').match(WORD) ?? []) {
      for (const form of readings(normalizeArabic(part))) {
        if (form) needles.push({ form, prefix: star || form.length >= MIN_PREFIX })
      }
    }
  }
  if (needles.length === 0) return () => []
  return (text) => {
    const ranges: Range[] = []
    for (const m of text.matchAll(WORD)) {
      const forms = readings(normalizeArabic(m[0]))
      if (needles.some((n) => forms.some((f) => (n.prefix ? f.startsWith(n.form) : f === n.form)))) ranges.push([m.index, m.index + m[0].length])
    }
    return ranges
  }
}

/** The words a query looks for, excluded words and operators left out. */
export function highlightWords(q: string): string[] {
  return queryWords(q)
}

/** Ranges in `text` of every whole word matching one of the query's words. */
export function findHighlights(text: string, q: string): Range[] {
  return makeMatcher(highlightWords(q))(text)
}

export interface Segment {
  text: string
  mark: boolean
}

/**
 * Cuts `text` into plain and marked segments from [start, end) ranges, which may be unsorted,
 * overlapping or out of bounds (they come from the engine or an older version of the text).
 */
export function segments(text: string, ranges: readonly Range[]): Segment[] {
  const sorted = ranges
    .map(([s, e]): Range => [Math.max(0, Math.min(text.length, s)), Math.max(0, Math.min(text.length, e))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0])
  const out: Segment[] = []
  let at = 0
  for (const [s, e] of sorted) {
    if (e <= at) continue
    const last = out.at(-1)
    if (s < at && last?.mark) last.text += text.slice(at, e) // overlaps the previous mark: one mark
    else {
      if (s > at) out.push({ text: text.slice(at, s), mark: false })
      out.push({ text: text.slice(s, e), mark: true })
    }
    at = e
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false })
  return out
}
