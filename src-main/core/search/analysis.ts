// The bridge between the Arabic analyzer and the search engine: how documents and query words are
// turned into index terms, and how matches are found again in the original text for highlights,
// phrase checks and the strict (diacritics / hamza) switches.
import { analyze, normalize, processTerm, tokenize, ANALYZER_ID, type NormalizeOptions } from '../arabic'

/** Changes whenever analysis changes, so saved indexes made by another analyzer are rebuilt. */
export const ANALYZER_VERSION = ANALYZER_ID

export const analyzeForIndex = {
  tokenize: (text: string): string[] => tokenize(text).map((t) => t.text),
  processTerm: (term: string): string | null => processTerm(term),
}

/** A query word as index terms (a word like "C-RAM" may give more than one). */
export function analyzeQueryTerm(word: string): string[] {
  return tokenize(word)
    .map((t) => processTerm(t.text))
    .filter((t): t is string => !!t)
}

/** Character ranges in `text` of every word that analyzes to one of the query words' terms. */
export function findMatches(text: string, queryWords: string[]): [number, number][] {
  const wanted = new Set(queryWords.flatMap(analyzeQueryTerm))
  const prefixes = queryWords.filter((w) => w.endsWith('*')).flatMap((w) => analyzeQueryTerm(w.slice(0, -1)))
  if (wanted.size === 0 && prefixes.length === 0) return []
  return analyze(text)
    .filter((t) => wanted.has(t.term) || prefixes.some((p) => t.term.startsWith(p)))
    .map((t): [number, number] => [t.start, t.end])
}

/** The words of a text as normalized surface forms (no stemming, stopwords kept), for phrases. */
function surfaceWords(text: string, opts?: NormalizeOptions): string[] {
  return tokenize(text)
    .map((t) => normalize(t.text, opts))
    .filter(Boolean)
}

/** Whether `phrase` occurs in `text` as consecutive words, ignoring diacritics, hamza forms and punctuation. */
export function phraseMatches(text: string, phrase: string, opts?: NormalizeOptions): boolean {
  const needle = surfaceWords(phrase, opts)
  if (needle.length === 0) return true
  const hay = surfaceWords(text, opts)
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

export interface StrictOptions {
  /** Diacritics typed in the query must be in the text (like Shamela's switch). */
  diacritics?: boolean
  /** Hamza and alef forms typed in the query must be in the text as typed. */
  hamza?: boolean
}

/**
 * With a strictness switch on, the words typed must occur in the text as typed (as far as the switch
 * says): أمن does not match امن with "match hamza forms", and كَتَبَ does not match كُتُب with
 * "match diacritics". Letters the query leaves bare still match any marks in the text.
 */
export function strictMatches(text: string, query: string, strict: StrictOptions): boolean {
  if (!strict.diacritics && !strict.hamza) return true
  const opts: NormalizeOptions = { keepDiacritics: !!strict.diacritics, keepHamza: !!strict.hamza }
  const words = new Set(surfaceWords(text, opts))
  const textWords = [...words]
  return surfaceWords(query, opts).every((w) => words.has(w) || (strict.diacritics && textWords.some((t) => coversMarks(t, w))))
}

const MARK = /[\u064b-\u0652\u0670]/

/** Whether text word `t` carries at least the marks query word `q` has (a bare letter in q matches any marks). */
function coversMarks(t: string, q: string): boolean {
  let i = 0
  let j = 0
  while (i < t.length && j < q.length) {
    if (t[i] === q[j]) {
      i++
      j++
    } else if (MARK.test(t[i]!)) i++
    else return false
  }
  while (i < t.length && MARK.test(t[i]!)) i++
  return i === t.length && j === q.length
}
