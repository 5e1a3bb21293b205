// What a comparison of two articles returns (issue #5). Plain data, renderer-safe.
//
// Offsets: every character range is in UTF-16 code units (as String.prototype.slice counts), end
// exclusive, in the ORIGINAL text the reader sees (diacritics and tatweel included), although the
// matching itself is done on normalized words. A range names its paragraph (`paragraph`, 0-based
// index into `CompareSide.paragraphs`) and its offsets INSIDE that paragraph. Passages also carry
// `bodyStart`/`bodyEnd`: offsets in the whole body, i.e. in `paragraphs.join('\n\n')`.
import type { ArticleSummary, DatePrecision } from '../model'

/** A stretch of one paragraph's original text. */
export interface ParagraphRange {
  paragraph: number
  start: number
  end: number
}

/** One article as the comparison shows it. */
export interface CompareSide {
  id: number
  title: string
  source: string | null
  date: string | null
  datePrecision: DatePrecision
  author: string | null
  url: string | null
  paragraphs: string[]
  /** Words in the body (all words, stopwords included). */
  wordCount: number
}

export type MetadataField = 'title' | 'source' | 'date' | 'author' | 'url'

/** One metadata field of both articles; `same` compares normalized text (diacritics, hamza do not count). */
export interface MetadataDiff {
  field: MetadataField
  a: string | null
  b: string | null
  same: boolean
}

/**
 * One row of the side-by-side view. Paragraphs of A and B that say the same thing sit in one row;
 * a row may hold several paragraphs on one side (a paragraph split in two, or two merged in one).
 *   same     — the same words after normalization (diacritics, tatweel, hamza forms may differ)
 *   changed  — similar paragraphs with words added, cut or replaced (see aChanges / bChanges)
 *   removed  — paragraph(s) of A with no counterpart in B (b is empty)
 *   added    — paragraph(s) of B with no counterpart in A (a is empty)
 * Rows come in A's order; B's unmatched paragraphs are placed after the row of the B paragraph
 * before them (between two aligned rows, A's leftovers first, then B's). A pair found out of order
 * (a paragraph moved) has `moved: true` and sits at A's place.
 */
export interface AlignedRow {
  kind: 'same' | 'changed' | 'removed' | 'added'
  /** Paragraph indices of A in this row, ascending (empty for 'added'). */
  a: number[]
  /** Paragraph indices of B in this row, ascending (empty for 'removed'). */
  b: number[]
  /** Word overlap of the two sides, 0..1 (Dice coefficient on normalized words); 0 for added/removed. */
  similarity: number
  moved: boolean
  /** Words of A not in B (cut or replaced), as original-text ranges. Empty unless 'changed'. */
  aChanges: ParagraphRange[]
  /** Words of B not in A (added or replacing), as original-text ranges. Empty unless 'changed'. */
  bChanges: ParagraphRange[]
}

/** Where a shared passage lies in one article. */
export interface PassageLocation {
  /** One range per paragraph the passage covers (a passage can run across a paragraph break). */
  ranges: ParagraphRange[]
  /** Offsets in the whole body: `paragraphs.join('\n\n')`. */
  bodyStart: number
  bodyEnd: number
}

/** A run of at least MIN_PASSAGE_WORDS words that both articles carry (after normalization). */
export interface SharedPassage {
  /** 1, 2, 3 … in A's order; the same id in both columns (the UI gives each id its colour). */
  id: number
  /** Words in the run. */
  words: number
  /** The passage as A has it (original text, paragraphs joined by '\n\n'). */
  text: string
  a: PassageLocation
  b: PassageLocation
}

/** A number or a date that one article gives differently from the other in aligned paragraphs. */
export interface FigureDifference {
  kind: 'number' | 'date'
  /** Index into `Comparison.rows` of the row where the two differ. */
  row: number
  a: FigureMention
  b: FigureMention
}

export interface FigureMention {
  /** As written ("٤ صواريخ", "أربعة", "15 أغسطس 2015"). */
  text: string
  /** The value compared: a number as a decimal string ("4", "3.5"), a date as ISO (YYYY, YYYY-MM, YYYY-MM-DD). */
  value: string
  range: ParagraphRange
}

/** A sentence in both UI languages. */
export interface Bilingual {
  ar: string
  en: string
}

export interface CompareSummary {
  /** Share of A's words (0..1) that are found in B (in aligned paragraphs' common words or shared passages). */
  aInB: number
  /** Share of B's words (0..1) found in A. */
  bInA: number
  sharedPassages: number
  /** Words in shared passages (counted in A). */
  sharedWords: number
  /** Paragraphs of B with no counterpart in A. */
  addedParagraphs: number
  /** Paragraphs of A with no counterpart in B. */
  removedParagraphs: number
  changedParagraphs: number
  figureDifferences: number
  /** "B reprints 80% of A and adds two paragraphs" / "ب تعيد نشر 80٪ من أ وتضيف فقرتين". */
  line: Bilingual
}

/** `compare.pair`: two articles side by side. */
export interface Comparison {
  a: CompareSide
  b: CompareSide
  metadata: MetadataDiff[]
  rows: AlignedRow[]
  passages: SharedPassage[]
  figures: FigureDifference[]
  summary: CompareSummary
}

/** `compare.many`: one row per other article, each opening the pairwise view (base vs other). */
export interface CoverageRow {
  other: ArticleSummary
  summary: CompareSummary
}

export interface CoverageTable {
  base: ArticleSummary
  rows: CoverageRow[]
}

/** `compare.similar`: an article of the archive that resembles the one asked about. */
export interface SimilarArticle {
  article: ArticleSummary
  /** 0..1, higher is more similar (word-shingle overlap, containment of the shorter in the longer). */
  score: number
  /** Near-duplicates: 90% or more of the shorter one's word triples are in the other. */
  nearDuplicate: boolean
}

export interface SimilarArticles {
  items: SimilarArticle[]
  /** How long the lookup took (ms), for the UI to show nothing and the bench to report. */
  tookMs: number
}
