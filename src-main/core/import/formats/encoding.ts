// Bytes to text. Order: BOM, BOM-less UTF-16 (NUL-byte pattern), binary check, an HTML
// `<meta charset>`, valid UTF-8, then Windows-1256 vs ISO-8859-6 by how Arabic the result looks
// (Windows-1252 when neither looks Arabic).
import { ParseError } from './shared'

export interface Decoded {
  text: string
  /** WHATWG name of the encoding used: `utf-8`, `utf-16le`, `windows-1256`, … */
  encoding: string
}

const SAMPLE = 64 * 1024

// Node 20's 'windows-1252' decoder is Latin-1 (0x80–0x9F come out as C1 controls): fix that range.
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeCp1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    out += String.fromCharCode(...chunk)
  }
  return out.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!)
}

function decodeWith(label: string, bytes: Uint8Array, fatal = false): string | null {
  if (label === 'windows-1252') return decodeCp1252(bytes)
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

/** The WHATWG name for a label, or null when Node does not know it. */
function canonical(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding
  } catch {
    return null
  }
}

/** `utf-16le` / `utf-16be` when the bytes look like BOM-less UTF-16, else null. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1
  if (n < 4) return null
  let nulEven = 0
  let nulOdd = 0
  let hiEven = 0
  let hiOdd = 0
  // The high byte of most code points in Arabic/Latin text: 00 (ASCII), 06 (Arabic), 20 (punctuation), FB–FE (presentation forms).
  const isHigh = (b: number) => b <= 0x06 || b === 0x20 || b >= 0xfb
  for (let i = 0; i < n; i += 2) {
    const a = bytes[i]!
    const b = bytes[i + 1]!
    if (a === 0) nulEven++
    if (b === 0) nulOdd++
    if (isHigh(a)) hiEven++
    if (isHigh(b)) hiOdd++
  }
  const half = n / 2
  if (nulOdd / half >= 0.05 && nulEven / half <= 0.01 && hiOdd / half >= 0.9) return 'utf-16le'
  if (nulEven / half >= 0.05 && nulOdd / half <= 0.01 && hiEven / half >= 0.9) return 'utf-16be'
  return null
}

/** Share of bytes that only binary files have: NUL and C0 controls other than tab, newlines, form feed, escape. */
function controlShare(bytes: Uint8Array): { nul: number; control: number } {
  const n = Math.min(bytes.length, SAMPLE)
  let nul = 0
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b === 0) nul++
    else if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f) control++
  }
  return { nul, control: n ? control / n : 0 }
}

/** The charset an HTML document declares in its first 4 KB, or null. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  // One byte, one character (latin1): the tag and its charset are ASCII whatever the encoding.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1')
  if (!/<meta/i.test(head)) return null
  const m = /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([\w.:-]{1,40})/i.exec(head)
  return m ? m[1]! : null
}

const hasNonAscii = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80)

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)

/**
 * How Arabic the non-ASCII part of a text looks, 0–1: Arabic letters and punctuation count for,
 * stray Latin letters, controls and U+FFFD against, and so do Arabic letters glued to Latin ones
 * ("ministوre": a Latin text read in an Arabic code page).
 */
export function arabicScore(text: string): number {
  let good = 0
  let total = 0
  const n = Math.min(text.length, SAMPLE)
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) continue
    total++
    const arabic = c >= 0x060c && c <= 0x0670
    if (arabic && !isAsciiLetter(text.charCodeAt(i - 1)) && !isAsciiLetter(text.charCodeAt(i + 1))) good++
    else if (c === 0x00a0 || c === 0x00ab || c === 0x00bb || c === 0x00d7 || (c >= 0x2013 && c <= 0x2026)) good++
  }
  return total ? good / total : 0
}

/** Decode a file's bytes, detecting the encoding. Throws ParseError for binary or undecodable content. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8' }

  // 1. Byte order marks.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(decodeWith('utf-8', bytes) ?? '', 'utf-8')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0 && bytes.length >= 4) throw new ParseError('This file is in UTF-32, which is not supported; save it as UTF-8.')
    return checked(decodeWith('utf-16le', bytes) ?? '', 'utf-16le')
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(decodeWith('utf-16be', bytes) ?? '', 'utf-16be')

  // 2. UTF-16 without a BOM, recognised by where the NUL bytes fall.
  const utf16 = sniffUtf16(bytes)
  if (utf16) {
    const text = decodeWith(utf16, bytes.length % 2 ? bytes.subarray(0, bytes.length - 1) : bytes)
    if (text !== null) return checked(text, utf16)
  }

  // 3. Binary files.
  const { nul, control } = controlShare(bytes)
  if (nul > 0 || control > 0.05) throw new ParseError('This file looks like a binary file (not text), so it cannot be imported.')

  // 4. A charset declared by an HTML page.
  {
    const declared = sniffMetaCharset(bytes)
    const enc = declared ? canonical(declared) : null
    if (enc && enc !== 'utf-16le' && enc !== 'utf-16be' && enc !== 'replacement') {
      if (enc === 'utf-8') {
        const text = decodeWith('utf-8', bytes, true)
        if (text !== null) return { text, encoding: 'utf-8' }
      } else {
        // A page saved as UTF-8 by a browser often keeps its old declaration: valid UTF-8 with
        // non-ASCII bytes is practically never a legacy encoding, so it wins over the meta tag.
        const utf8 = hasNonAscii(bytes) ? decodeWith('utf-8', bytes, true) : null
        if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }
        const text = decodeWith(enc, bytes)
        if (text !== null) return checked(text, enc)
      }
    }
  }

  // 5. UTF-8 (and plain ASCII).
  const utf8 = decodeWith('utf-8', bytes, true)
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }

  // 6. Legacy single-byte Arabic encodings, told apart by how Arabic the result looks.
  const sample = bytes.subarray(0, SAMPLE)
  const cp1256 = arabicScore(decodeWith('windows-1256', sample) ?? '')
  const iso = arabicScore(decodeWith('iso-8859-6', sample) ?? '')
  if (cp1256 < 0.3 && iso < 0.3) return checked(decodeWith('windows-1252', bytes) ?? '', 'windows-1252')
  const enc = iso > cp1256 ? 'iso-8859-6' : 'windows-1256'
  return checked(decodeWith(enc, bytes) ?? '', enc)
}

/** Reject decoded text that is mostly replacement characters or control codes. */
function checked(text: string, encoding: string): Decoded {
  const sample = text.slice(0, SAMPLE)
  let bad = 0
  let nul = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if (c === 0) nul++
    else if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) || (c >= 0x7f && c < 0xa0)) bad++
  }
  if (nul > 0) throw new ParseError('This file looks like a binary file (not text), so it cannot be imported.')
  if (sample.length && bad / sample.length > 0.05) throw new ParseError(`This file could not be decoded as text (tried ${encoding}); it may be damaged or in an unsupported encoding.`)
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding }
}
