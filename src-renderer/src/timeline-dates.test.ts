import { describe, expect, it } from 'vitest'
import { compareDated, dateSpan, formatEventDate, formatHijri, parseDate, type DatedLike } from './timeline-dates'

const ev = (date: string, precision: DatedLike['precision'], part?: DatedLike['part']): DatedLike => ({ date, precision, part })

describe('timeline dates', () => {
  it('writes a date no more precisely than it is known, with both Arabic month names', () => {
    expect(formatEventDate(ev('2011', 'year'), 'ar')).toBe('2011')
    expect(formatEventDate(ev('2011-07', 'month'), 'ar')).toBe('تموز/يوليو 2011')
    expect(formatEventDate(ev('2011-07-26', 'day'), 'ar')).toBe('26 تموز/يوليو 2011')
    expect(formatEventDate(ev('2011', 'part', 'late'), 'ar')).toBe('أواخر 2011')
    expect(formatEventDate(ev('2015', 'part', 'q1'), 'ar')).toBe('الربع الأول من 2015')
    expect(formatEventDate(ev('2021-12', 'month', 'late'), 'ar')).toBe('أواخر كانون الأول/ديسمبر 2021')
    expect(formatEventDate(ev('2011-07-26', 'day'), 'en')).toBe('26 July 2011')
    expect(formatEventDate(ev('2011', 'part', 'mid'), 'en')).toBe('Mid-2011')
  })

  it('a month-precision event shows no day even when its date carries one', () => {
    expect(formatEventDate(ev('2011-07-01', 'month'), 'en')).toBe('July 2011')
  })

  it('leaves an unresolved or malformed date empty', () => {
    expect(formatEventDate(ev('', 'day'), 'ar')).toBe('')
    expect(parseDate('2011-13')).toBeNull()
    expect(parseDate('2011-02-30')).toBeNull()
    expect(dateSpan(ev('', 'day'))).toBeNull()
  })

  it('knows the days each precision stands for', () => {
    expect(dateSpan(ev('2011', 'year'))).toEqual({ start: '2011-01-01', end: '2011-12-31' })
    expect(dateSpan(ev('2011', 'part', 'late'))).toEqual({ start: '2011-09-01', end: '2011-12-31' })
    expect(dateSpan(ev('2012-02', 'month'))).toEqual({ start: '2012-02-01', end: '2012-02-29' })
    expect(dateSpan(ev('2021-02', 'month', 'late'))).toEqual({ start: '2021-02-21', end: '2021-02-28' })
  })

  it('orders by the first day, the wider event first when two start together, undated last', () => {
    const list = [ev('2011-01-01', 'day'), ev('', 'day'), ev('2011-01', 'month'), ev('2011', 'part', 'early'), ev('2010-12-31', 'day'), ev('2011', 'year'), ev('2011', 'part', 'late'), ev('2011-08', 'month')]
    expect(list.sort(compareDated).map((e) => formatEventDate(e, 'en') || 'undated')).toEqual([
      '31 December 2010', '2011', 'Early 2011', 'January 2011', '1 January 2011', 'August 2011', 'Late 2011', 'undated',
    ])
  })

  it('gives the Hijri twin at the same precision: a day, a range of months, a range of years', () => {
    expect(formatHijri(ev('2011-08-01', 'day'), 'ar')).toBe('1 رمضان 1432 هـ')
    expect(formatHijri(ev('2011-08', 'month'), 'ar')).toBe('رمضان – شوال 1432 هـ')
    expect(formatHijri(ev('2011', 'year'), 'ar')).toBe('1432 – 1433 هـ')
    expect(formatHijri(ev('2024-11-14', 'day'), 'en')).toBe('12 Jumada al-Ula 1446 AH')
    expect(formatHijri(ev('', 'day'), 'en')).toBe('')
  })
})
