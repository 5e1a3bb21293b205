// MinHash signatures of article text, for finding near-duplicates (a wire story reprinted with a
// new first line, a light edit) in about constant time per article. Pure functions: no database
// here; ./near-duplicates.ts stores the signatures and their LSH bands in SQLite.
//
// The text is normalized as search normalizes it (diacritics, tatweel, hamza/alef/ya/ta marbuta
// folded, digits to 0-9), cut into words, and the words into overlapping shingles of
// SHINGLE_WORDS words. Two articles' MinHash signatures agree at each position with probability
// equal to the Jaccard similarity of their shingle sets, so the share of equal positions estimates
// it (one-permutation hashing, see signatureOf). LSH: the signature is cut into BANDS bands of ROWS values; articles sharing any whole band
// are candidates, then checked against the threshold with the full signature.
import { normalize } from '../arabic/normalize'
import { forEachWord } from '../arabic/tokenize'

export const SHINGLE_WORDS = 3
/** Signature length (bins): the estimate's standard error is about √(J(1-J)/HASHES), ±0.06 near J = 0.5. */
export const HASHES = 72
export const BANDS = 24
export const ROWS = HASHES / BANDS
/** Below this many shingles (≈ 15 words) a text is too short to call two of them the same story. */
export const MIN_SHINGLES = 12

/** murmur3's 32-bit finalizer: a cheap bijection that spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** FNV-1a over the code units of text.slice(start, end). */
function hashWord(text: string, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/** Hashes of the text's word shingles (repeats included: MinHash does not mind). */
export function shingleHashes(text: string): Uint32Array {
  const normalized = normalize(text)
  const words: number[] = []
  forEachWord(normalized, (start, end) => words.push(hashWord(normalized, start, end)))
  const n = words.length - SHINGLE_WORDS + 1
  if (n <= 0) return new Uint32Array(0)
  const out = new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    let h = 0
    for (let k = 0; k < SHINGLE_WORDS; k++) h = fmix32(Math.imul(h, 31) + words[i + k]!)
    out[i] = h
  }
  return out
}

/**
 * The MinHash signature of a text, or null when it has too few shingles to compare.
 * One-permutation hashing: each shingle is hashed once, falls into one of HASHES bins by its high
 * bits and competes for that bin's minimum; a bin no shingle fell into borrows the value of a bin
 * picked by a fixed sequence that depends only on the bin number ("optimal densification",
 * Shrivastava 2017), so two texts still agree on a bin with probability equal to their Jaccard
 * similarity. One hash per shingle instead of HASHES: signing stays a small part of an import.
 */
export function signatureOf(text: string): Uint32Array | null {
  const shingles = shingleHashes(text)
  if (shingles.length < MIN_SHINGLES) return null
  const sig = new Uint32Array(HASHES).fill(0xffffffff)
  const filled = new Uint8Array(HASHES)
  for (let j = 0; j < shingles.length; j++) {
    const h = shingles[j]!
    const bin = Math.floor(((h >>> 8) * HASHES) / 0x1000000)
    const v = fmix32(h ^ 0x5bd1e995)
    filled[bin] = 1
    if (v < sig[bin]!) sig[bin] = v
  }
  for (let i = 0; i < HASHES; i++) {
    if (filled[i]) continue
    for (let attempt = 1; ; attempt++) {
      const from = fmix32(Math.imul(i + 1, 0x9e3779b1) + Math.imul(attempt, 0x85ebca6b)) % HASHES
      if (filled[from]) {
        sig[i] = sig[from]!
        break
      }
    }
  }
  return sig
}

/** Estimated Jaccard similarity of the two texts' shingle sets: the share of equal positions. */
export function estimateSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++
  return same / HASHES
}

/**
 * The LSH band keys of a signature: band index in the high bits, a 32-bit hash of its ROWS values
 * in the low 32 (a safe integer, stored as SQLite INTEGER). A chance collision of two different
 * bands only makes a candidate that the full signature then rejects.
 */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = []
  for (let b = 0; b < BANDS; b++) {
    let h = b
    for (let r = 0; r < ROWS; r++) h = fmix32(Math.imul(h, 31) + sig[b * ROWS + r]!)
    keys.push(b * 0x100000000 + h)
  }
  return keys
}

/** A signature as stored (little-endian uint32s) and back. */
export const signatureToBlob = (sig: Uint32Array): Buffer => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength)
export function signatureFromBlob(blob: Uint8Array): Uint32Array {
  const copy = new Uint8Array(blob) // aligned
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4)
}
