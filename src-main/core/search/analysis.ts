// The bridge between the Arabic analyzer and the search engine: how documents and query words are
// turned into index terms, and how matches are found again in the original text for highlights,
// phrase checks and the strict (diacritics / hamza) switches.
import { analyze, expandQueryTerm, forEachWord, normalize, normalizeQueryTerm, processTerm, tokenize, tokenizeWords, ANALYZER_ID, type NormalizeOptions } from '../arabic'

/** Changes whenever analysis changes, so saved indexes made by another analyzer are rebuilt. */
export const ANALYZER_VERSION = ANALYZER_ID

export const analyzeForIndex = {
  // With the same words as ranges of the text, for a bulk build that makes no string per word (./bulk-build.ts).
  tokenize: Object.assign((text: string): string[] => tokenizeWords(text), { forEachWord }),
  processTerm: (term: string): string | null => processTerm(term),
}

/** A query word as index terms (a word like "C-RAM" may give more than one). */
export function analyzeQueryTerm(word: string): string[] {
  return tokenize(word)
    .map((t) => processTerm(t.text))
    .filter((t): t is string => !!t)
}

/**
 * A prefix query (`word*`) as prefixes of index terms: stemmed like a word, so that whatever `word`
 * finds `word*` finds too, and stopwords kept, so that من* finds منظمة (see normalizeQueryTerm).
 */
export function analyzePrefix(word: string): string[] {
  return tokenize(word)
    .map((t) => normalizeQueryTerm(t.text, { prefix: true }))
    .filter((t): t is string => !!t)
}

/**
 * A query word as the terms that may stand for it in the index, one list of alternatives per token:
 * its own term and, when it starts with ب، ل or ك, the term of the rest too (بمرض → بمرض، مرض).
 * (The other way round, مترو also looking for لمترو، بمترو, was measured and dropped: it costs
 * ARCD + XQuAD 0.025 MRR@10 and our SaudiNewsNet queries 0.02 recall@10; see bench/eval-search.ts.)
 */
export function queryAlternatives(word: string): string[][] {
  return tokenize(word)
    .map((t) => expandQueryTerm(t.text))
    .filter((a) => a.length > 0)
}

/** Character ranges in `text` of every word that analyzes to one of the query words' terms. */
export function findMatches(text: string, queryWords: string[]): [number, number][] {
  const wanted = new Set(queryWords.flatMap((w) => (w.endsWith('*') ? [] : queryAlternatives(w).flat())))
  const prefixes = queryWords.filter((w) => w.endsWith('*')).flatMap((w) => analyzePrefix(w.slice(0, -1)))
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
  // Normalizing a whole article is the slow part: a permissive regular expression finds the few
  // places where the phrase may be, and only the words around them are normalized and compared.
  const rough = !opts?.keepDiacritics && !opts?.keepHamza && !PRESENTATION_FORM.test(text) ? roughPhrase(needle) : null
  if (!rough) return wordsContain(surfaceWords(text, opts), needle)
  rough.lastIndex = 0
  for (let m = rough.exec(text); m; m = rough.exec(text)) {
    let start = m.index
    let end = m.index + m[0].length
    while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--
    while (end < text.length && WORD_CHAR.test(text[end]!)) end++
    if (wordsContain(surfaceWords(text.slice(start, end), opts), needle)) return true
    rough.lastIndex = m.index + 1
  }
  return false
}

const PRESENTATION_FORM = /[\ufb50-\ufdff\ufe70-\ufefe]/
const WORD_CHAR = /[\p{L}\p{N}\p{M}\u0640\u200b-\u200d]/u
const roughCache = new Map<string, RegExp | null>()

/**
 * A regular expression that matches at least wherever the normalized words occur in the original
 * text: each letter stands for every letter that normalizes to it, marks and tatweel may follow any
 * letter, and anything that is not a letter or digit may separate the words. Null when a word has
 * a character it cannot stand for (then the text is normalized whole).
 */
function roughPhrase(needle: string[]): RegExp | null {
  const key = needle.join(' ')
  if (roughCache.has(key)) return roughCache.get(key)!
  const marks = '[\\p{M}\\u0640\\u200b-\\u200f\\u2060\\u00ad\\u061c]*'
  let source: string | null = needle
    .map((w) => [...w].map((ch) => letterClass(ch)).join(marks))
    .join(`${marks}[^\\p{L}\\p{N}]*`)
  if (source.includes('\0')) source = null
  const re = source === null ? null : new RegExp(source, 'gu')
  if (roughCache.size > 200) roughCache.clear()
  roughCache.set(key, re)
  return re
}

let variantsOf: Map<string, string[]> | null = null

/** Every character of the Arabic blocks, digits and Latin letters that normalizes to `ch`, as a class. */
function letterClass(ch: string): string {
  if (!variantsOf) {
    variantsOf = new Map()
    const add = (c: string) => {
      const n = normalize(c)
      if (n.length === 1) variantsOf!.set(n, [...(variantsOf!.get(n) ?? []), c])
    }
    for (let c = 0x20; c < 0x250; c++) add(String.fromCharCode(c))
    for (let c = 0x600; c < 0x780; c++) add(String.fromCharCode(c))
    for (let c = 0x6f0; c < 0x6fa; c++) add(String.fromCharCode(c))
  }
  const variants = variantsOf.get(ch)
  if (!variants) return '\0' // a character we cannot stand for: give up on the shortcut
  return `[${variants.map((v) => v.replace(/[\\\]\[^-]/g, '\\$&')).join('')}]`
}

function wordsContain(hay: string[], needle: string[]): boolean {
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
