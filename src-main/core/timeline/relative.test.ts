import { describe, expect, it } from 'vitest'
import { parseReference, resolveRelative } from './relative'

const ref = parseReference('2022-01-05')! // a Wednesday

describe('resolveRelative', () => {
  it('moves by days: اليوم، أمس، أول أمس، غدا', () => {
    expect(resolveRelative({ unit: 'day', n: 0 }, ref).date).toBe('2022-01-05')
    expect(resolveRelative({ unit: 'day', n: -1 }, ref).date).toBe('2022-01-04')
    expect(resolveRelative({ unit: 'day', n: -5 }, ref).date).toBe('2021-12-31')
    expect(resolveRelative({ unit: 'day', n: 1 }, ref).date).toBe('2022-01-06')
  })

  it('finds weekdays: bare = on or before, الماضي = strictly before, المقبل = strictly after', () => {
    const wd = (weekday: number, dir: 'last' | 'past' | 'next') => resolveRelative({ unit: 'weekday', weekday, dir }, ref).date
    expect(wd(1, 'last')).toBe('2022-01-03') // يوم الاثنين
    expect(wd(3, 'last')).toBe('2022-01-05') // الأربعاء, said on a Wednesday
    expect(wd(3, 'past')).toBe('2021-12-29') // الأربعاء الماضي
    expect(wd(3, 'next')).toBe('2022-01-12') // الأربعاء المقبل
    expect(wd(4, 'next')).toBe('2022-01-06') // الخميس المقبل
    expect(wd(4, 'last')).toBe('2021-12-30')
  })

  it('moves by weeks, months and years', () => {
    expect(resolveRelative({ unit: 'week', n: -1 }, ref)).toEqual({ date: '2021-12-29', precision: 'week' })
    expect(resolveRelative({ unit: 'month', n: -1 }, ref)).toEqual({ date: '2021-12', precision: 'month' })
    expect(resolveRelative({ unit: 'month', n: 0, day: 1 }, ref)).toEqual({ date: '2022-01-01', precision: 'day' })
    expect(resolveRelative({ unit: 'year', n: 1 }, ref)).toEqual({ date: '2023', precision: 'year' })
    expect(resolveRelative({ unit: 'year', n: -1, month: 10 }, ref)).toEqual({ date: '2021-10', precision: 'month' })
  })

  it('places a yearless month nearest the reference, or by الماضي / المقبل / الجاري', () => {
    const ym = (month: number, dir: 'near' | 'past' | 'next' | 'current', day?: number) =>
      resolveRelative({ unit: 'yearless', calendar: 'gregorian', month, day, dir }, ref).date
    expect(ym(12, 'near')).toBe('2021-12') // نهاية شهر كانون الأول, said in January
    expect(ym(3, 'near')).toBe('2022-03')
    expect(ym(7, 'near')).toBe('2021-07') // six months either way: the earlier
    expect(ym(1, 'past')).toBe('2021-01')
    expect(ym(1, 'next')).toBe('2023-01')
    expect(ym(1, 'current', 20)).toBe('2022-01-20')
  })

  it('places a yearless Hijri date in the Hijri year nearest the reference', () => {
    const aug = parseReference('2015-08-07')!
    // "15/8/2015م الموافق30 شوال"
    expect(resolveRelative({ unit: 'yearless', calendar: 'hijri', month: 10, day: 30, dir: 'near' }, aug)).toEqual({
      date: '2015-08-15',
      precision: 'day',
      hijri: '1436-10-30',
    })
    expect(resolveRelative({ unit: 'yearless', calendar: 'hijri', month: 9, dir: 'past' }, aug)).toEqual({
      date: '2015-07',
      precision: 'month',
      hijri: '1436-09',
    })
  })

  it('rejects references that are not dates', () => {
    expect(parseReference('2015-02-30')).toBeUndefined()
    expect(parseReference('yesterday')).toBeUndefined()
    expect(parseReference('2015-08-07 16:09:35')).toEqual({ y: 2015, m: 8, d: 7 })
  })
})
