// The words of an article as the comparison sees them: each word normalized (diacritics, tatweel,
// hamza and alef forms, digit scripts do not count — core/arabic), interned as a number so that
// comparing two words is comparing two integers, and kept with its paragraph and its offsets in the
// ORIGINAL paragraph text, so that every finding maps back to the letters the reader sees.
import { forEachWord, normalize } from '../arabic'

export interface Words {
  /** Interned comparison key per word of the body, in reading order (all paragraphs): see matchKey. */
  ids: Int32Array
  /** Normalized text per word (core/arabic's normalize). */
  norm: string[]
  paragraph: Int32Array
  /** Offsets in that paragraph's original text. */
  start: Int32Array
  end: Int32Array
  /** Index of each paragraph's first word; `paragraphStart[paragraphs.length]` = word count. */
  paragraphStart: Int32Array
  paragraphs: readonly string[]
}

/** Gives each distinct normalized word a number, shared by the two articles compared. */
export class Lexicon {
  private readonly ids = new Map<string, number>()
  id(word: string): number {
    let id = this.ids.get(word)
    if (id === undefined) this.ids.set(word, (id = this.ids.size))
    return id
  }
}

/**
 * What two words must share to count as the same word: the normalized word, with a hamza on a
 * و or ي seat written one way, since outlets differ there (مسؤول / مسئول, شؤون / شئون) while the
 * search normalizer folds ؤ to و and ئ to ي and so keeps them apart.
 */
export function matchKey(original: string, normalized: string): string {
  return /[ؤئ]/.test(original) ? normalize(original.replace(/[ؤئ]/g, 'ء')) : normalized
}

export function wordsOf(paragraphs: readonly string[], lexicon: Lexicon): Words {
  const norm: string[] = []
  const ids: number[] = []
  const paragraph: number[] = []
  const start: number[] = []
  const end: number[] = []
  const paragraphStart = new Int32Array(paragraphs.length + 1)
  paragraphs.forEach((text, p) => {
    paragraphStart[p] = ids.length
    forEachWord(text, (s, e) => {
      const original = text.slice(s, e)
      const w = normalize(original)
      if (!w) return // a word of marks only
      norm.push(w)
      ids.push(lexicon.id(matchKey(original, w)))
      paragraph.push(p)
      start.push(s)
      end.push(e)
    })
  })
  paragraphStart[paragraphs.length] = ids.length
  return {
    ids: Int32Array.from(ids),
    norm,
    paragraph: Int32Array.from(paragraph),
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    paragraphStart,
    paragraphs,
  }
}

/** Offset of each paragraph in the body as `paragraphs.join('\n\n')`. */
export function bodyOffsets(paragraphs: readonly string[]): number[] {
  const offsets: number[] = []
  let at = 0
  for (const p of paragraphs) {
    offsets.push(at)
    at += p.length + 2
  }
  return offsets
}

/**
 * The original-text ranges of words [from, to) of `words`, one range per paragraph run of words
 * that are next to each other (gaps between them — spaces, punctuation — included in the range).
 */
export function rangesOfWords(words: Words, indices: Iterable<number>): { paragraph: number; start: number; end: number }[] {
  const ranges: { paragraph: number; start: number; end: number }[] = []
  let last = -2
  for (const i of indices) {
    const prev = ranges.at(-1)
    if (prev && i === last + 1 && words.paragraph[i] === prev.paragraph) prev.end = words.end[i]!
    else ranges.push({ paragraph: words.paragraph[i]!, start: words.start[i]!, end: words.end[i]! })
    last = i
  }
  return ranges
}
