// Text normalisation for matching. Every rule runs on a normalised copy of the text and maps
// its offsets back to the original, so a mention's `text` is always the exact original substring.
//
// What is folded (one original character → at most one normalised character):
//   - harakat, Quranic marks, superscript alef and tatweel are dropped   (هـ → ه, غداً → غدا)
//   - أ إ آ ٱ → ا,  ى → ي,  ة → ه                                        (أبريل = ابريل = إبريل)
//   - Arabic-Indic ٠-٩ and Eastern ۰-۹ digits → 0-9, ٫ → .  ٬ → ,
//   - dashes ‐ ‑ ‒ – — ― − → -,  fraction/division slashes → /
//   - no-break and other odd spaces → space; bidi marks and zero-width characters are dropped

export interface Normalized {
  /** the normalised text */
  norm: string
  /** map[i] = offset in the original text of normalised char i; map[norm.length] = original length */
  map: Int32Array
}

/** TABLE[c] = the normalised code unit of c, or 0 when c is dropped */
const TABLE = new Uint16Array(0x10000)
for (let c = 0; c < 0x10000; c++) TABLE[c] = c
TABLE[0] = 0x20 // keep NUL as a space so 0 can mean "drop"
const drop = (from: number, to = from) => {
  for (let c = from; c <= to; c++) TABLE[c] = 0
}
const sub = (chars: string | number[], to: string) => {
  for (const c of typeof chars === 'string' ? [...chars].map((x) => x.charCodeAt(0)) : chars) TABLE[c] = to.charCodeAt(0)
}

drop(0x064b, 0x065f) // tanween, harakat, shadda, sukun, …
drop(0x0670) // superscript alef
drop(0x06d6, 0x06ed) // Quranic annotation marks
drop(0x0640) // tatweel
drop(0x200b, 0x200f) // zero-width, LRM, RLM
drop(0x202a, 0x202e) // bidi embeddings
drop(0x2066, 0x2069) // bidi isolates
drop(0xfeff)
sub('أإآٱ', 'ا')
sub('ى', 'ي')
sub('ة', 'ه')
for (let i = 0; i < 10; i++) sub([0x0660 + i, 0x06f0 + i], String(i))
sub([0x066b], '.') // Arabic decimal separator
sub([0x066c], ',') // Arabic thousands separator
sub([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d], '-')
sub([0x2044, 0x2215, 0xff0f], '/')
sub([0x00a0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000], ' ')

const decoder = new TextDecoder('utf-16le')

export function normalize(text: string): Normalized {
  const n = text.length
  const out = new Uint16Array(n)
  const map = new Int32Array(n + 1)
  let j = 0
  for (let i = 0; i < n; i++) {
    const c = TABLE[text.charCodeAt(i)]!
    if (c === 0) continue
    out[j] = c
    map[j++] = i
  }
  map[j] = n
  return { norm: decoder.decode(out.subarray(0, j)), map: j === n ? map : map.slice(0, j + 1) }
}

/** Normalise a short string (a table entry, a test query) without keeping the offset map. */
export function norm(s: string): string {
  return normalize(s).norm
}
