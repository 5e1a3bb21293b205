// Arabic orthographic normalization, in the spirit of Lucene's ArabicNormalizer (plus Persian and
// Urdu letters, digits and Latin case). Every UTF-16 code unit is looked up in a precomputed table,
// so normalizing a word costs one array read per letter and no regular expressions.
//
// Default folding (both strictness switches off):
//   - harakat, tanween, shadda, sukun, superscript alef (U+064B–065F, U+0670), Quranic annotation
//     marks (U+0610–061A, U+06D6–06ED), tatweel (U+0640) and invisible joiners/direction marks: removed
//   - أ إ آ ٱ → ا   ؤ → و   ئ → ي   ى → ي   ة → ه
//   - Persian/Urdu/Maghrebi letters → Arabic: ک ڪ گ ڭ → ك, ی ې ۍ ێ ے ۓ → ي, ہ ھ ۀ ۃ ە → ه,
//     پ → ب, چ → ج, ژ → ز, ڤ → ف, ڨ → ق, ں → ن, ٹ ڈ ڑ → ت د ر
//   - presentation forms and lam-alef ligatures (ﻻ → لا): NFKC, only for words that contain one
//   - Arabic-Indic ٠-٩ and Eastern (Persian) ۰-۹ digits → 0-9; ٫ → "." and ٬ → ","
//   - Latin (and other cased scripts) lowercased

export interface NormalizeOptions {
  /** Keep harakat, tanween, shadda, sukun and superscript alef (the "match diacritics" switch). */
  keepDiacritics?: boolean
  /** Keep أ إ آ ؤ ئ as typed instead of folding them to ا و ي (the "match hamza forms" switch). */
  keepHamza?: boolean
}

/** Table value for a code unit that is removed. (U+FFFF is a noncharacter, never real text.) */
const REMOVE = 0xffff
/** Table value for a code unit that makes the word go through NFKC first (presentation forms ...). */
const VIA_NFKC = 0xfffe

const code = (ch: string): number => ch.charCodeAt(0)

/** Letter foldings that apply whatever the options. */
const LETTER_FOLDS: Record<string, string> = {
  'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ۍ': 'ي', 'ێ': 'ي', 'ے': 'ي', 'ۓ': 'ي',
  'ة': 'ه', 'ۃ': 'ه', 'ہ': 'ه', 'ۂ': 'ه', 'ھ': 'ه', 'ۀ': 'ه', 'ە': 'ه',
  'ک': 'ك', 'ڪ': 'ك', 'گ': 'ك', 'ڭ': 'ك',
  'پ': 'ب', 'چ': 'ج', 'ژ': 'ز', 'ڤ': 'ف', 'ڥ': 'ف', 'ڨ': 'ق', 'ں': 'ن',
  'ٹ': 'ت', 'ڈ': 'د', 'ڑ': 'ر', 'ۆ': 'و', 'ۇ': 'و', 'ۈ': 'و', 'ۋ': 'و',
  '٫': '.', '٬': ',',
}

/** Hamza carriers folded unless `keepHamza`. */
const HAMZA_FOLDS: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ؤ': 'و', 'ئ': 'ي' }

/** Diacritics kept with `keepDiacritics`: harakat, tanween, shadda, sukun (U+064B–0652), superscript alef. */
const isDiacritic = (c: number): boolean => (c >= 0x064b && c <= 0x0652) || c === 0x0670

/** Marks and invisible characters removed whatever the options (except diacritics, see above). */
const isAlwaysRemoved = (c: number): boolean =>
  (c >= 0x0610 && c <= 0x061a) || // Quranic honorifics and small letters
  (c >= 0x0653 && c <= 0x065f) || // madda/hamza above and below as combining marks, other extended marks
  (c >= 0x06d6 && c <= 0x06ed) || // Quranic annotation signs
  c === 0x0640 || // tatweel
  c === 0x0674 || // high hamza (what NFKC leaves of ٵ ٶ ٷ ٸ)
  c === 0x061c || c === 0x200e || c === 0x200f || // direction marks
  c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || // zero-width (non-)joiners
  c === 0x00ad || // soft hyphen
  c === 0

/** Blocks that neither NFKC nor lowercasing change: CJK ideographs, Hangul syllables, surrogates, private use. */
const isStable = (c: number): boolean => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xf8ff)

/**
 * Code units that NFKC changes: presentation forms, lam-alef ligatures, fullwidth Latin, ... A word
 * containing one goes through NFKC before the table. With keepHamza, the combining hamza and madda
 * do too, so that NFC composes them with the letter below (ا + ◌ٔ → أ); otherwise they are removed.
 */
function changedByNfkc(): Uint8Array {
  const flags = new Uint8Array(0x10000)
  for (let c = 0x80; c < 0x10000; c++) {
    if (isStable(c)) continue
    const ch = String.fromCharCode(c)
    if (ch.normalize('NFKC') !== ch) flags[c] = 1
  }
  return flags
}
const NFKC_CHANGES = changedByNfkc()

function buildTable(opts: NormalizeOptions): Uint16Array {
  const table = new Uint16Array(0x10000)
  for (let c = 0; c < 0x10000; c++) {
    if (isAlwaysRemoved(c) || (isDiacritic(c) && !opts.keepDiacritics)) table[c] = REMOVE
    else if (NFKC_CHANGES[c]) table[c] = VIA_NFKC
    else if (c >= 0x0660 && c <= 0x0669) table[c] = 0x30 + c - 0x0660 // ٠-٩
    else if (c >= 0x06f0 && c <= 0x06f9) table[c] = 0x30 + c - 0x06f0 // ۰-۹
    else if (c >= 0x41 && c <= 0x5a) table[c] = c + 0x20 // A-Z
    else if (c < 0x80 || (c >= 0x0600 && c <= 0x06ff) || isStable(c)) table[c] = c
    else {
      const lower = String.fromCharCode(c).toLowerCase()
      table[c] = lower.length === 1 ? code(lower) : c // one-to-many lowercasing (İ) is left alone
    }
  }
  for (const [from, to] of Object.entries(LETTER_FOLDS)) table[code(from)] = code(to)
  if (opts.keepHamza) table[0x0653] = table[0x0654] = table[0x0655] = VIA_NFKC
  else for (const [from, to] of Object.entries(HAMZA_FOLDS)) table[code(from)] = code(to)
  return table
}

const DEFAULT_TABLE = buildTable({})
const tables = new Map<number, Uint16Array>([[0, DEFAULT_TABLE]])

function tableFor(opts: NormalizeOptions | undefined): Uint16Array {
  if (!opts) return DEFAULT_TABLE
  const key = (opts.keepDiacritics ? 1 : 0) | (opts.keepHamza ? 2 : 0)
  let table = tables.get(key)
  if (!table) tables.set(key, (table = buildTable(opts)))
  return table
}

/** Index of the first code unit of `text` that the table changes (text.length if none). */
function firstChange(text: string, table: Uint16Array): number {
  let i = 0
  while (i < text.length && table[text.charCodeAt(i)] === text.charCodeAt(i)) i++
  return i
}

/**
 * Normalizes Arabic text for matching (see the list at the top of this file). Works on a word or on
 * a whole text; the result can be shorter than the input, so offsets come from the tokenizer instead.
 * Returns `text` itself when nothing changes (the common case for a word).
 */
export function normalize(text: string, opts?: NormalizeOptions): string {
  const table = tableFor(opts)
  // With diacritics kept, NFKC also puts stacked marks in one order (shadda + fatha = fatha + shadda).
  if (opts?.keepDiacritics) text = text.normalize('NFKC')
  let i = firstChange(text, table)
  if (i === text.length) return text
  for (let j = i; j < text.length; j++) {
    if (table[text.charCodeAt(j)] === VIA_NFKC) {
      text = text.normalize('NFKC')
      i = firstChange(text, table)
      break
    }
  }
  const codes = scratch
  codes.length = 0
  for (let j = 0; j < i; j++) codes.push(text.charCodeAt(j))
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const m = table[c]!
    if (m === VIA_NFKC) codes.push(c) // left by NFKC (a hamza sign it could not compose)
    else if (m !== REMOVE) codes.push(m)
  }
  return fromCodes(codes)
}

/** Code units of the result, reused between calls. */
const scratch: number[] = []

function fromCodes(codes: number[]): string {
  // String.fromCharCode.apply has an argument-count limit: long texts go in chunks.
  if (codes.length <= 4096) return String.fromCharCode.apply(null, codes)
  let s = ''
  for (let k = 0; k < codes.length; k += 4096) s += String.fromCharCode.apply(null, codes.slice(k, k + 4096))
  return s
}
