import { describe, expect, it } from 'vitest'
import { dateLine, findDate, parseDate } from './dates'

describe('parseDate', () => {
  it.each([
    ['2015-08-07', '2015-08-07', 'day'],
    ['2015-08-07 16:09:35', '2015-08-07T16:09:35', 'datetime'],
    ['2015-08-07T16:09:35Z', '2015-08-07T16:09:35Z', 'datetime'],
    ['2015-08-07T16:09:35.123Z', '2015-08-07T16:09:35Z', 'datetime'],
    ['2017-01-25T14:36:00+01:00', '2017-01-25T14:36:00+01:00', 'datetime'],
    ['2017-01-25T14:36:00+0100', '2017-01-25T14:36:00+01:00', 'datetime'],
    ['2017-01-20T214300', '2017-01-20T21:43:00', 'datetime'],
    ['07/08/2015', '2015-08-07', 'day'],
    ['7/8/2015', '2015-08-07', 'day'],
    ['08/25/2015', '2015-08-25', 'day'],
    ['07.08.2015 10:30', '2015-08-07T10:30:00', 'datetime'],
    ['2015/08/07', '2015-08-07', 'day'],
    ['2015-08', '2015-08', 'month'],
    ['2015', '2015', 'year'],
    ['20170125', '2017-01-25', 'day'],
    ['7 أغسطس 2015', '2015-08-07', 'day'],
    ['٧ أغسطس ٢٠١٥', '2015-08-07', 'day'],
    ['26 تموز 2021', '2021-07-26', 'day'],
    ['31 كانون الأول 2011', '2011-12-31', 'day'],
    ['1 كانون الثاني 2022', '2022-01-01', 'day'],
    ['18 جانفي 2017', '2017-01-18', 'day'],
    ['3 أوت 2016', '2016-08-03', 'day'],
    ['الجمعة 7 أغسطس 2015م', '2015-08-07', 'day'],
    ['الأحد 22 شوال 1436هـ الموافق 7 أغسطس 2015م', '2015-08-07', 'day'],
    ['28 آب/اغسطس 2013', '2013-08-28', 'day'],
    ['أغسطس 2015', '2015-08', 'month'],
    ['August 7, 2015', '2015-08-07', 'day'],
    ['Fri, 07 Aug 2015 10:00:00 GMT', '2015-08-07T10:00:00Z', 'datetime'],
    ['7 juillet 2016', '2016-07-07', 'day'],
  ])('%s → %s (%s)', (input, iso, precision) => {
    expect(parseDate(input)).toEqual({ iso, precision })
  })

  it.each(['', 'غدا', 'not a date', '2015-13-01', '31/02/2015', '1436', '12:30', '99/99/9999'])('%j is not a date', (input) => {
    expect(parseDate(input)).toBeNull()
  })

  it('reads Unix timestamps in seconds and milliseconds', () => {
    expect(parseDate(1438934400)).toEqual({ iso: '2015-08-07T08:00:00Z', precision: 'datetime' })
    expect(parseDate('1438934400000')).toEqual({ iso: '2015-08-07T08:00:00Z', precision: 'datetime' })
  })
})

describe('findDate and dateLine', () => {
  it('finds the first date in a longer string', () => {
    expect(findDate('نشر في 26 تموز 2021 عند الظهر')).toMatchObject({ iso: '2021-07-26', precision: 'day' })
  })

  it('accepts short lines that are only a date', () => {
    expect(dateLine('2015-08-09')).toEqual({ iso: '2015-08-09', precision: 'day' })
    expect(dateLine('الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)')).toEqual({ iso: '2013-08-28', precision: 'day' })
    expect(dateLine('تاريخ النشر: 7 أغسطس 2015')).toEqual({ iso: '2015-08-07', precision: 'day' })
  })

  it('rejects sentences that merely contain a date', () => {
    expect(dateLine('وكانت الجولة الرابعة في الـ 26 من تموز 2021، برئاسة وزراء الخارجية')).toBeNull()
    expect(dateLine('الاتفاقية الأمنية التي وقعت في العام 2008')).toBeNull()
  })
})
