import { describe, it, expect } from 'vitest'
import { normalize } from './normalize'

describe('normalize: marks removed', () => {
  it('strips harakat, tanween, shadda and sukun', () => {
    expect(normalize('مُحَمَّدٌ')).toBe('محمد')
    expect(normalize('كِتَابًا')).toBe('كتابا')
    expect(normalize('مَدْرَسَةٍ')).toBe('مدرسه')
    expect(normalize('سُكُونٌ مُنَوَّنٌ')).toBe('سكون منون')
  })

  it('strips the superscript (dagger) alef', () => {
    expect(normalize('هٰذا')).toBe('هذا')
    expect(normalize('الرَّحْمٰن')).toBe('الرحمن')
  })

  it('strips Quranic annotation marks (U+0610–061A, U+06D6–06ED)', () => {
    expect(normalize('محمد\u0610')).toBe('محمد') // ARABIC SIGN SALLALLAHOU ALAYHE WASSALLAM
    expect(normalize('لَا رَيْبَ ۛ فِيهِ ۛ هُدًى لِّلْمُتَّقِينَ')).toBe('لا ريب  فيه  هدي للمتقين')
    // The dagger alef of Quranic spelling goes too, which gives the modern spelling of ذٰلك but not of الكتٰب.
    expect(normalize('ذَٰلِكَ ٱلْكِتَٰبُ')).toBe('ذلك الكتب')
    expect(normalize('قال\u06D6')).toBe('قال')
    expect(normalize('قال\u06ED')).toBe('قال')
  })

  it('strips tatweel', () => {
    expect(normalize('كتـــاب')).toBe('كتاب')
    expect(normalize('الســلام')).toBe('السلام')
  })

  it('strips zero-width joiners, direction marks and soft hyphens', () => {
    expect(normalize('كتا\u200Cب')).toBe('كتاب')
    expect(normalize('\u200Fكتاب\u200E')).toBe('كتاب')
    expect(normalize('كتا\u00ADب')).toBe('كتاب')
  })
})

describe('normalize: letters folded', () => {
  it('folds hamzated and wasla alefs to bare alef', () => {
    expect(normalize('أحمد')).toBe('احمد')
    expect(normalize('إسلام')).toBe('اسلام')
    expect(normalize('آخر')).toBe('اخر')
    expect(normalize('ٱلكتاب')).toBe('الكتاب')
  })

  it('folds alef maqsura to yeh, teh marbuta to heh, hamza on waw and yeh', () => {
    expect(normalize('مستشفى')).toBe('مستشفي')
    expect(normalize('مدرسة')).toBe('مدرسه')
    expect(normalize('مؤتمر')).toBe('موتمر')
    expect(normalize('رئيس')).toBe('رييس')
  })

  it('keeps the standalone hamza', () => {
    expect(normalize('وزراء')).toBe('وزراء')
  })

  it('folds Persian and Urdu letters to the Arabic ones', () => {
    expect(normalize('کتاب')).toBe('كتاب') // keheh
    expect(normalize('یک')).toBe('يك') // Farsi yeh
    expect(normalize('گل')).toBe('كل') // gaf
    expect(normalize('ہ ھ ۀ')).toBe('ه ه ه')
    expect(normalize('پ چ ژ ڤ ڨ')).toBe('ب ج ز ف ق')
    expect(normalize('ې ے')).toBe('ي ي')
  })

  it('applies NFKC to presentation forms and the lam-alef ligature', () => {
    expect(normalize('\uFEFB')).toBe('لا') // ﻻ
    expect(normalize('\uFEF7')).toBe('لا') // ﻷ: lam with alef with hamza above, then folded
    expect(normalize('\uFE8D\uFEDF\uFEB4\uFEFC\uFEE1')).toBe('السلام') // ﺍﻟﺴﻼﻡ
    expect(normalize('\uFDF2')).toBe('الله') // ﷲ
  })

  it('composes a combining hamza with its letter before folding (or keeping) it', () => {
    expect(normalize('ا\u0654من')).toBe('امن')
    expect(normalize('ا\u0654من', { keepHamza: true })).toBe('أمن')
  })

  it('maps Arabic-Indic and Eastern (Persian) digits to ASCII', () => {
    expect(normalize('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789')
    expect(normalize('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789')
    expect(normalize('١٤٣٦هـ')).toBe('1436ه')
    expect(normalize('٣٫٥')).toBe('3.5')
  })

  it('lowercases Latin, fullwidth Latin included', () => {
    expect(normalize('C-RAM')).toBe('c-ram')
    expect(normalize('ÉCOLE')).toBe('école')
    expect(normalize('ＡＢＣ')).toBe('abc')
  })

  it('returns the very same string when nothing changes', () => {
    const word = 'كتاب'
    expect(normalize(word)).toBe(word)
    expect(normalize('')).toBe('')
  })

  it('is idempotent', () => {
    for (const s of ['مُحَمَّدٌ', 'ﻻ', 'أَمْنٌ', 'كتـــاب ١٢', 'ۀ گ'] as const) expect(normalize(normalize(s))).toBe(normalize(s))
  })

  it('normalizes a long text in one go (beyond the chunk size of the builder)', () => {
    const text = 'مُحَمَّدٌ '.repeat(2000)
    expect(normalize(text)).toBe('محمد '.repeat(2000))
  })
})

describe('normalize: the strictness switches', () => {
  it('keeps harakat, tanween, shadda, sukun and superscript alef with keepDiacritics', () => {
    expect(normalize('مُحَمَّدٌ', { keepDiacritics: true })).toBe('مُحَمَّدٌ')
    expect(normalize('هٰذا', { keepDiacritics: true })).toBe('هٰذا')
    // ... but still strips tatweel and Quranic marks, and folds hamza
    expect(normalize('كِتـــَابٌ', { keepDiacritics: true })).toBe('كِتَابٌ')
    expect(normalize('أَمْنٌ', { keepDiacritics: true })).toBe('اَمْنٌ')
  })

  it('puts stacked marks in one order with keepDiacritics (shadda+fatha = fatha+shadda)', () => {
    const shaddaFirst = 'شد\u0651\u064E'
    const fathaFirst = 'شد\u064E\u0651'
    expect(normalize(shaddaFirst, { keepDiacritics: true })).toBe(normalize(fathaFirst, { keepDiacritics: true }))
  })

  it('keeps أ إ آ ؤ ئ with keepHamza, still folding ى ة and the wasla', () => {
    expect(normalize('أمن إن آخر مؤتمر رئيس', { keepHamza: true })).toBe('أمن إن آخر مؤتمر رئيس')
    expect(normalize('مستشفى مدرسة ٱلكتاب', { keepHamza: true })).toBe('مستشفي مدرسه الكتاب')
    expect(normalize('أَمْنٌ', { keepHamza: true })).toBe('أمن')
  })

  it('has both switches off by default, so the switches separate words that default folding merges', () => {
    expect(normalize('أمن')).toBe(normalize('امن'))
    expect(normalize('أمن', { keepHamza: true })).not.toBe(normalize('امن', { keepHamza: true }))
    expect(normalize('كَتَبَ')).toBe(normalize('كُتُب'))
    expect(normalize('كَتَبَ', { keepDiacritics: true })).not.toBe(normalize('كُتُب', { keepDiacritics: true }))
    expect(normalize('أَمْنٌ', { keepDiacritics: true, keepHamza: true })).toBe('أَمْنٌ')
  })
})
