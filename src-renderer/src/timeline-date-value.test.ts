import { describe, expect, it } from 'vitest'
import { fromDateValue, toDateValue } from './timeline-date-value'

describe('date fields', () => {
  it('round-trips each precision', () => {
    for (const e of [
      { date: '2011-07-26', precision: 'day' as const },
      { date: '2011-07', precision: 'month' as const },
      { date: '2021-12', precision: 'month' as const, part: 'late' as const },
      { date: '2011', precision: 'part' as const, part: 'q3' as const },
      { date: '2011', precision: 'year' as const },
    ]) {
      expect(fromDateValue(toDateValue(e))).toEqual({ part: null, ...e })
    }
  })

  it('drops the day when the precision becomes a month, and refuses dates that do not exist', () => {
    const v = toDateValue({ date: '2011-07-26', precision: 'day' })
    expect(fromDateValue({ ...v, precision: 'month' })).toEqual({ date: '2011-07', precision: 'month', part: null })
    expect(fromDateValue({ ...v, month: '02', day: '30' })).toBeNull()
    expect(fromDateValue({ ...v, year: '11' })).toBeNull()
  })

  it('starts an undated event from the given year', () => {
    expect(toDateValue({ date: '', precision: 'day' }, 2025)).toMatchObject({ year: '2025', month: '01', day: '1' })
  })
})
