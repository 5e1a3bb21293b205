import { describe, it, expect } from 'vitest'
import { ARABIC_STOPWORDS, isStopword } from './stopwords'
import { normalize } from './normalize'

describe('Arabic stopwords', () => {
  it('is a list of a useful size', () => {
    expect(ARABIC_STOPWORDS.size).toBeGreaterThanOrEqual(150)
    expect(ARABIC_STOPWORDS.size).toBeLessThanOrEqual(250)
  })

  it('is stored normalized: every entry is its own normalize()', () => {
    for (const w of ARABIC_STOPWORDS) expect(normalize(w)).toBe(w)
  })

  it('covers particles, prepositions, pronouns, demonstratives, relatives and question words', () => {
    for (const w of ['في', 'من', 'إلى', 'عن', 'مع', 'حتى', 'لكن', 'لم', 'لن', 'قد', 'هو', 'هي', 'نحن', 'هذا', 'هذه', 'ذلك', 'التي', 'الذي', 'الذين', 'متى', 'أين', 'كيف', 'لماذا', 'عليه', 'منها']) {
      expect(isStopword(normalize(w)), w).toBe(true)
    }
  })

  it('covers common auxiliary and reporting verbs: قال، كان، أصبح، تم', () => {
    for (const w of ['قال', 'قالت', 'كان', 'كانت', 'يكون', 'أصبح', 'تم', 'يتم']) expect(isStopword(normalize(w)), w).toBe(true)
  })

  it('matches every spelling that normalizes alike (إلى / الى / إلي)', () => {
    expect(isStopword(normalize('إلى'))).toBe(true)
    expect(isStopword(normalize('الى'))).toBe(true)
    expect(isStopword(normalize('هؤلاء'))).toBe(true)
  })

  it('leaves out words that normalize to a content word: على (= علي, Ali), أمام (= إمام), آل', () => {
    expect(isStopword(normalize('على'))).toBe(false)
    expect(isStopword(normalize('علي'))).toBe(false)
    expect(isStopword(normalize('إمام'))).toBe(false)
    expect(isStopword(normalize('آل'))).toBe(false)
  })

  it('does not contain content words', () => {
    for (const w of ['وزير', 'حكومة', 'اتفاق', 'أكد', 'سعود', 'مكة']) expect(isStopword(normalize(w)), w).toBe(false)
  })

  it('expects normalized input (the raw spelling of a folded word is not found)', () => {
    expect(isStopword('إلى')).toBe(false)
  })
})
