// Splitting text into words, with each word's offsets in the ORIGINAL text (UTF-16 code units, as
// String.prototype.slice counts), so highlights land on the letters the reader sees even though the
// index only holds normalized, stemmed terms.
//
// A word is a run of letters and digits. Harakat, tatweel and zero-width joiners inside or after a
// word belong to it (they never split it). Whitespace, Latin and Arabic punctuation (، ؛ ؟ « » ٪ …),
// symbols and hyphens split words: "C-RAM" → "C", "RAM". A word also splits where Arabic letters
// meet digits or Latin letters ("1436هـ" → "1436", "هـ"), so years and numbers are found alone;
// digits and Latin letters stay together ("F16", "G20"), and a decimal point between digits is kept
// ("3.5", "٣٫٥").

export interface Token {
  /** The word as it appears in the original text, diacritics and tatweel included. */
  text: string
  /** Offset of the word's first code unit in the original text. */
  start: number
  /** Offset just after the word's last code unit: text === original.slice(start, end). */
  end: number
}

const SEPARATOR = 0
const ARABIC = 1 // letters of the Arabic script, presentation forms included
const DIGIT = 2 // decimal digits of any script (0-9, ٠-٩, ۰-۹, ...)
const OTHER = 3 // letters of other scripts (Latin, ...) and other numerals
const JOINER = 4 // combining marks, tatweel, zero-width joiners: part of a word, never its start

/** Blocks that are letters throughout (CJK ideographs, Hangul syllables): no need to ask Unicode. */
const isBulkLetter = (c: number): boolean => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)

/** Character class of every UTF-16 code unit, computed once (a few ms at load). */
const CLASS = new Uint8Array(0x10000)
{
  const letter = /\p{L}/u
  const arabic = /\p{Script=Arabic}/u
  const decimal = /\p{Nd}/u
  const number = /\p{N}/u
  const mark = /\p{M}/u
  for (let c = 0; c < 0x10000; c++) {
    if (isBulkLetter(c)) CLASS[c] = OTHER
    if (CLASS[c] || (c >= 0xd800 && c <= 0xf8ff)) continue // surrogate halves (characters outside the BMP split words), private use
    const ch = String.fromCharCode(c)
    if (mark.test(ch)) CLASS[c] = JOINER
    else if (decimal.test(ch)) CLASS[c] = DIGIT
    else if (letter.test(ch)) CLASS[c] = arabic.test(ch) ? ARABIC : OTHER
    else if (number.test(ch)) CLASS[c] = OTHER
  }
  for (const c of [0x0640, 0x200b, 0x200c, 0x200d, 0x2060, 0x00ad, 0x061c, 0x200e, 0x200f]) CLASS[c] = JOINER
}

/** Separators that stay inside a number when they stand between two digits: . , ٫ ٬ */
const isNumberSeparator = (c: number): boolean => c === 0x2e || c === 0x2c || c === 0x066b || c === 0x066c

/** Calls `onWord(start, end)` for every word of `text`, in order. */
export function forEachWord(text: string, onWord: (start: number, end: number) => void): void {
  const n = text.length
  let start = -1 // start of the current word, -1 between words
  let script = SEPARATOR // ARABIC or not (DIGIT/OTHER) for the current word's last letter
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    const cls = CLASS[c]!
    if (cls === SEPARATOR) {
      if (start >= 0) {
        if (script === DIGIT && isNumberSeparator(c) && i + 1 < n && CLASS[text.charCodeAt(i + 1)] === DIGIT) continue
        onWord(start, i)
        start = -1
      }
    } else if (cls === JOINER) {
      // extends the current word; outside a word it is skipped
    } else if (start < 0) {
      start = i
      script = cls
    } else if ((cls === ARABIC) !== (script === ARABIC)) {
      onWord(start, i) // Arabic letters meet digits or Latin: two words
      start = i
      script = cls
    } else script = cls
  }
  if (start >= 0) onWord(start, n)
}

/** The words of `text` with their offsets in it. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  forEachWord(text, (start, end) => tokens.push({ text: text.slice(start, end), start, end }))
  return tokens
}

/** The words of `text` as plain strings (MiniSearch's `tokenize` option). */
export function tokenizeWords(text: string): string[] {
  const words: string[] = []
  forEachWord(text, (start, end) => words.push(text.slice(start, end)))
  return words
}
