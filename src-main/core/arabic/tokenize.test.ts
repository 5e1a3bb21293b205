import { describe, it, expect } from 'vitest'
import { tokenize, tokenizeWords, forEachWord } from './tokenize'

const words = (text: string) => tokenize(text).map((t) => t.text)

describe('tokenize', () => {
  it('splits on whitespace and Latin punctuation', () => {
    expect(words('قال  الوزير،\tإن\nالاتفاق. (نهائي)! "نعم"')).toEqual(['قال', 'الوزير', 'إن', 'الاتفاق', 'نهائي', 'نعم'])
  })

  it('splits on Arabic punctuation: ، ؛ ؟ « » ٪ ۔', () => {
    expect(words('أولاً،ثانياً؛ثالثاً؟«رابعاً»خامساً٪سادساً۔سابعاً')).toEqual([
      'أولاً', 'ثانياً', 'ثالثاً', 'رابعاً', 'خامساً', 'سادساً', 'سابعاً',
    ])
  })

  it('keeps Latin words and numbers, splitting hyphenated names', () => {
    expect(words('منظومة C-RAM من عيار 240 ملم عام 2022')).toEqual(['منظومة', 'C', 'RAM', 'من', 'عيار', '240', 'ملم', 'عام', '2022'])
  })

  it('keeps digits with Latin letters and decimal points between digits', () => {
    expect(words('طائرة F16 وقمة G20 بنسبة 3.5 أو ٣٫٥ و1,000 نهاية.')).toEqual(['طائرة', 'F16', 'وقمة', 'G20', 'بنسبة', '3.5', 'أو', '٣٫٥', 'و', '1,000', 'نهاية'])
  })

  it('splits where Arabic letters meet digits, so years are found alone', () => {
    expect(words('1436هـ الموافق 2015م')).toEqual(['1436', 'هـ', 'الموافق', '2015', 'م'])
    expect(words('و2022')).toEqual(['و', '2022'])
  })

  it('splits dates written with slashes and dashes', () => {
    expect(words('6/8/2015 و2015-08-06')).toEqual(['6', '8', '2015', 'و', '2015', '08', '06'])
  })

  it('never splits a word at harakat, shadda, tatweel or a zero-width non-joiner', () => {
    expect(words('مُسَيَّرَتَيْنِ كتـــاب مسيّرتين كتا\u200Cب')).toEqual(['مُسَيَّرَتَيْنِ', 'كتـــاب', 'مسيّرتين', 'كتا\u200Cب'])
  })

  it('does not start a word with a mark or a tatweel standing alone', () => {
    expect(words('ـــ كلمة \u064E')).toEqual(['كلمة'])
  })

  it('keeps presentation forms and other scripts as words; emoji separate', () => {
    expect(words('ﻻ ﺍﻟﺴﻼﻡ Привет 北京😀نص')).toEqual(['ﻻ', 'ﺍﻟﺴﻼﻡ', 'Привет', '北京', 'نص'])
  })

  it('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([])
    expect(tokenize(' ،؛؟ - … «» ')).toEqual([])
  })
})

describe('tokenize: offsets into the original text', () => {
  const text = 'قالَ الوزيرُ: «إنَّ المفاوضاتِ مستمرةٌ» (C-RAM)، وأُطلِقت ٤ صواريخ عيار 240 ملم يومَ ٢٠٢٢/١/٥ — كتـــاب.'

  it('slices back to each word exactly as written, diacritics and tatweel included', () => {
    const tokens = tokenize(text)
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text)
    expect(tokens.map((t) => t.text)).toEqual([
      'قالَ', 'الوزيرُ', 'إنَّ', 'المفاوضاتِ', 'مستمرةٌ', 'C', 'RAM', 'وأُطلِقت', '٤', 'صواريخ', 'عيار', '240', 'ملم', 'يومَ', '٢٠٢٢', '١', '٥', 'كتـــاب',
    ])
  })

  it('gives increasing, non-overlapping offsets', () => {
    const tokens = tokenize(text)
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end)
  })

  it('includes trailing marks in the word (a highlight covers the tanween)', () => {
    const [t] = tokenize('مستمرةٌ.')
    expect(t).toEqual({ text: 'مستمرةٌ', start: 0, end: 7 })
  })

  it('counts offsets in UTF-16 code units, as String.slice does (emoji before the word)', () => {
    const s = '😀 كلمة'
    const [t] = tokenize(s)
    expect(t).toEqual({ text: 'كلمة', start: 3, end: 7 })
  })
})

describe('tokenizeWords and forEachWord', () => {
  it('give the same words as tokenize', () => {
    const text = 'قالَ الوزيرُ، C-RAM ٢٠٢٢ كتـــاب'
    expect(tokenizeWords(text)).toEqual(tokenize(text).map((t) => t.text))
    const spans: [number, number][] = []
    forEachWord(text, (start, end) => spans.push([start, end]))
    expect(spans).toEqual(tokenize(text).map((t) => [t.start, t.end]))
  })
})
