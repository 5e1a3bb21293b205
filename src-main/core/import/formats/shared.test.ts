// cleanLine: every run of white space becomes one space, stray marks go, the ends are trimmed;
// a line that is clean already comes back as it is.
import { describe, expect, it } from 'vitest'
import { cleanLine } from './shared'

// The characters that matter: Arabic and Latin letters, every kind of white space, zero-width and
// bidi marks, and near misses that are neither (tatweel, a harakah, U+180E, NEL).
const ALPHABET = ['ب', 'a', '.', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u0640', '\u064e', '\u180e', '\u0085']
const SPACE = /^[\s\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/
const STRAY = /^[\u200b\u200e\u200f\ufeff\u202a-\u202e\u2066-\u2069]$/

describe('cleanLine', () => {
  it('collapses white space to single spaces between words, drops stray marks and keeps everything else in order', () => {
    let seed = 3
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n
    for (let i = 0; i < 20_000; i++) {
      const line = Array.from({ length: next(10) }, () => ALPHABET[next(ALPHABET.length)]).join('')
      const clean = cleanLine(line)
      // The words: what is left between white space once the stray marks are gone.
      const words = [...line].filter((c) => !STRAY.test(c)).map((c) => (SPACE.test(c) ? ' ' : c)).join('').split(' ').filter(Boolean)
      expect(clean, JSON.stringify(line)).toBe(words.join(' '))
    }
  })

  it('returns a clean line as it is, and cleans the usual cases', () => {
    expect(cleanLine('افتتح الوزير المعرض اليوم.')).toBe('افتتح الوزير المعرض اليوم.')
    expect(cleanLine('  افتتح\u00a0الوزير\n\n\tالمعرض\u200f  ')).toBe('افتتح الوزير المعرض')
    expect(cleanLine(null)).toBe('')
  })
})
