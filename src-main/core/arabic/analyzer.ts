// The Arabic analyzer: text → index terms, each with the offsets of its word in the original text.
//   word (tokenize) → normalize → drop stopwords (also after و/ف) and lone Arabic letters → light stem
// The same steps serve MiniSearch (tokenize + processTerm options), highlighting (analyze) and the
// query side (normalizeQueryTerm), so a query word always meets the terms its text was indexed under.
import { normalize } from './normalize'
import { ARABIC_STOPWORDS } from './stopwords'
import { stem, type StemOptions } from './stem'
import { forEachWord, tokenizeWords } from './tokenize'

/** Changes whenever analysis changes, so that indexes built by another version are rebuilt. */
export const ANALYZER_ID = 'arshif-ar-light-1'

export interface AnalyzedTerm {
  /** The index term: normalized, stemmed. */
  term: string
  /** Offsets of the original word (diacritics and tatweel included) in the analyzed text. */
  start: number
  end: number
}

export interface AnalyzerOptions {
  /** Drop stopwords (default true). */
  stopwords?: boolean
  /** Light-stem Arabic words (default true), or stemmer options. */
  stem?: boolean | StemOptions
}

export interface Analyzer {
  /** MiniSearch `tokenize`: the words of a text. */
  tokenize: (text: string) => string[]
  /** MiniSearch `processTerm`: a word as its index term, or null for a word not indexed. */
  processTerm: (word: string) => string | null
  /** Index terms of a text with the offsets of their words. */
  analyze: (text: string) => AnalyzedTerm[]
  /** A query word as its term plus alternatives (see expandQueryTerm); [] for a word not indexed. */
  expandQueryTerm: (word: string) => string[]
}

const isArabicLetter = (c: number): boolean => c >= 0x0621 && c <= 0x064a

/**
 * Whether a normalized word is a stopword: alone, after the conjunction و or ف (وهو، فإن), or after
 * the preposition ب، ل or ك when the stopword has 3 letters or more (لهذا، بذلك; not بان = ب + أن).
 */
function isStopTerm(w: string): boolean {
  if (ARABIC_STOPWORDS.has(w)) return true
  const first = w[0]
  if ((first === 'و' || first === 'ف') && w.length > 2) return ARABIC_STOPWORDS.has(w.slice(1))
  return isCliticPreposition(first) && w.length > 3 && ARABIC_STOPWORDS.has(w.slice(1))
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const dropStopwords = options.stopwords ?? true
  const stemOptions: StemOptions | null = options.stem === false ? null : options.stem === true || options.stem === undefined ? {} : options.stem

  const processTerm = (word: string): string | null => {
    const w = normalize(word)
    if (w.length === 0) return null
    // A lone Arabic letter is an abbreviation or a stray: هـ (Hijri), م (AD), د. (Dr.)
    if (w.length === 1 && isArabicLetter(w.charCodeAt(0))) return null
    if (dropStopwords && isStopTerm(w)) return null
    return stemOptions ? stem(w, stemOptions) : w
  }

  const analyze = (text: string): AnalyzedTerm[] => {
    const terms: AnalyzedTerm[] = []
    forEachWord(text, (start, end) => {
      const term = processTerm(text.slice(start, end))
      if (term !== null) terms.push({ term, start, end })
    })
    return terms
  }

  const expandQueryTerm = (word: string): string[] => {
    const term = processTerm(word)
    if (term === null) return []
    const terms = [term]
    let w = normalize(word)
    if ((w[0] === 'و' || w[0] === 'ف') && isCliticPreposition(w[1])) w = w.slice(1) // وبمرض → بمرض
    if (w.length >= 4 && isCliticPreposition(w[0]) && !w.startsWith('ال', 1) && !w.startsWith('لل')) {
      const alternative = processTerm(w.slice(1))
      if (alternative !== null && alternative !== term) terms.push(alternative)
    }
    return terms
  }

  return { tokenize: tokenizeWords, processTerm, analyze, expandQueryTerm }
}

/** ب (with, by), ل (for, to), ك (like): prepositions written as part of the next word. */
const isCliticPreposition = (ch: string | undefined): boolean => ch === 'ب' || ch === 'ل' || ch === 'ك'

const defaultAnalyzer = createAnalyzer()

/** MiniSearch `processTerm` with the default analysis (stopwords dropped, light stemming). */
export const processTerm = defaultAnalyzer.processTerm

/** Index terms of `text` with the offsets of their words in it (for highlights). */
export const analyze = defaultAnalyzer.analyze

/**
 * A query word as the terms to look up: its term, and when it starts with ب، ل or ك before at least
 * three letters, also the term of the rest (بمرض → بمرض، مرض; لسويسرا → لسويسرا، سويسرا).
 *
 * The index cannot strip these prepositions: too many words start with the same letters (برنامج،
 * لبنان، كتاب), and stripping them from some forms only would split a word's forms between stems.
 * A query can try both readings at little cost. The alternatives are alternatives: with MiniSearch
 * use them with combineWith 'OR' (as `searchOptions.processTerm`), or, for AND queries, as one OR
 * sub-query per word. Measured on ARCD + XQuAD: MRR@10 +0.006 (see bench/eval-qa.ts).
 */
export const expandQueryTerm = defaultAnalyzer.expandQueryTerm

/** Options to spread into `new MiniSearch({ ... })`: how documents (and, by default, queries) are analyzed. */
export const miniSearchAnalysis = { tokenize: tokenizeWords, processTerm } as const

/**
 * A query word as the term to look up: the same as processTerm, so a query meets its text. For a
 * prefix query (`word*`) stopwords are kept (من* should find منظمة) and the prefix is stemmed like a
 * word, so that whatever `word` finds, `word*` finds too (حكومات* → حكوم, which prefixes حكوماتها's
 * stem as well).
 */
export function normalizeQueryTerm(word: string, opts: { prefix?: boolean } = {}): string | null {
  if (!opts.prefix) return processTerm(word)
  const w = normalize(word)
  return w.length === 0 ? null : stem(w)
}
