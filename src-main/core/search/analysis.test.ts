import { describe, expect, it } from 'vitest'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { normalize, tokenize } from '../arabic'
import { readSampleArticles } from '../sample'
import { findMatches, phraseMatches, strictMatches } from './analysis'

const sample = readSampleArticles(resolve(import.meta.dirname, '../../../resources'))
const texts = sample.map((a) => `${a.title}\n${a.paragraphs.join('\n\n')}`)

/** The definition: consecutive normalized words, whole text normalized. */
function byDefinition(text: string, phrase: string): boolean {
  const hay = tokenize(text).map((t) => normalize(t.text))
  const needle = tokenize(phrase).map((t) => normalize(t.text))
  return hay.some((_, i) => needle.every((w, j) => hay[i + j] === w))
}

describe('exact phrases', () => {
  it('match across diacritics, tatweel, hamza forms and punctuation, in order only', () => {
    const text = 'قالَ وزيرُ الـــداخليةِ، إنّ «الأمن» مستتب.'
    expect(phraseMatches(text, 'وزير الداخلية')).toBe(true)
    expect(phraseMatches(text, 'الداخليه ان الامن')).toBe(true)
    expect(phraseMatches(text, 'الداخلية وزير')).toBe(false)
    expect(phraseMatches(text, 'وزير الداخل')).toBe(false) // whole words, not prefixes
    expect(phraseMatches(text, 'زير الداخلية')).toBe(false)
    expect(phraseMatches('والداخلية', 'الداخلية')).toBe(false)
  })

  it('agree with normalizing the whole text, on every pair and triple of words of the sample', () => {
    for (const text of texts.slice(0, 6)) {
      const words = tokenize(text).map((t) => t.text)
      for (let i = 0; i + 2 < words.length; i += 7) {
        const phrase = words.slice(i, i + 2 + (i % 2)).join(' ')
        expect(phraseMatches(text, phrase)).toBe(true)
      }
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: texts.length - 1 }), fc.integer({ min: 0, max: texts.length - 1 }), fc.nat(), fc.nat(), (a, b, i, j) => {
        const wa = tokenize(texts[a]!).map((t) => t.text)
        const wb = tokenize(texts[b]!).map((t) => t.text)
        const phrase = `${wa[i % wa.length]} ${wb[j % wb.length]}`
        expect(phraseMatches(texts[a]!, phrase)).toBe(byDefinition(texts[a]!, phrase))
      }),
      { numRuns: 400 },
    )
  })

  it('still work on text written with presentation forms (lam-alef ligatures)', () => {
    expect(phraseMatches('قال ﻻعب المنتخب', 'لاعب المنتخب')).toBe(true)
  })
})

describe('highlights and strictness', () => {
  it('find every form of a query word in the original text', () => {
    const text = 'ارتفعت الأسعارُ، وأسعار الخضار بالأسواق'
    const marked = findMatches(text, ['اسعار']).map(([s, e]) => text.slice(s, e))
    expect(marked).toEqual(['الأسعارُ', 'وأسعار'])
    expect(findMatches(text, ['سوق*']).map(([s, e]) => text.slice(s, e))).toEqual([])
    expect(findMatches(text, ['اسو*']).map(([s, e]) => text.slice(s, e))).toEqual(['بالأسواق'])
  })

  it('"match hamza forms" and "match diacritics" ask for the letters as typed', () => {
    expect(strictMatches('الأمن العام', 'أمن', { hamza: true })).toBe(false)
    expect(strictMatches('الأمن العام', 'الأمن', { hamza: true })).toBe(true)
    expect(strictMatches('الامن العام', 'الأمن', { hamza: true })).toBe(false)
    expect(strictMatches('كَتَبَ الطالب', 'كُتُب', { diacritics: true })).toBe(false)
    expect(strictMatches('كَتَبَ الطالب', 'كتب', { diacritics: true })).toBe(true)
  })
})
