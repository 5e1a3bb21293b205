import { describe, expect, it } from 'vitest'
import { normalize } from './normalize'

describe('normalize', () => {
  it('folds hamza forms, alef maqsura, taa marbuta and drops diacritics and tatweel', () => {
    expect(normalize('إبريل أيار آب ذو الحجّة جمادى الأولى').norm).toBe('ابريل ايار اب ذو الحجه جمادي الاولي')
    expect(normalize('غداً هـ الـ').norm).toBe('غدا ه ال')
  })

  it('turns Arabic-Indic and Eastern digits, dashes and odd spaces into ASCII', () => {
    expect(normalize('١٤٣٦/١٠/١٠ ۲۰۱۵ 24– 10 — 1436 3٫5').norm).toBe('1436/10/10 2015 24- 10 - 1436 3.5')
    expect(normalize('3.\u200f2\u00a0%').norm).toBe('3.2 %')
  })

  it('maps every normalised offset back to the original text', () => {
    const text = 'في الـ 26 من تمّوز'
    const { norm, map } = normalize(text)
    const i = norm.indexOf('26')
    expect(text.slice(map[i]!, map[i + 2]!)).toBe('26')
    const j = norm.indexOf('تموز')
    expect(text.slice(map[j]!, map[norm.length]!)).toBe('تمّوز')
    expect(map[norm.length]).toBe(text.length)
  })
})
