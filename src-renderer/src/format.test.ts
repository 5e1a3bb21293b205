import { describe, expect, it } from 'vitest'
import { formatArticleDate } from './format'

describe('formatArticleDate', () => {
  it('shows a day in Arabic with the month name', () => {
    const s = formatArticleDate('2023-07-26', 'day', 'ar')!
    expect(s).toMatch(/يوليو/)
    expect(s).toMatch(/٢٠٢٣|2023/)
  })

  it('shows only the month and year when only they are known', () => {
    const s = formatArticleDate('2011-12', 'month', 'en')!
    expect(s).toBe('December 2011')
  })

  it('shows a year alone, never a made-up first of January', () => {
    expect(formatArticleDate('2011', 'year', 'en')).toBe('2011')
  })

  it('does not shift a calendar day across time zones', () => {
    expect(formatArticleDate('2022-01-05', 'day', 'en')).toBe('5 January 2022')
  })

  it('returns null for an unknown date', () => {
    expect(formatArticleDate(null, 'unknown', 'ar')).toBeNull()
    expect(formatArticleDate('2022-01-05', 'unknown', 'ar')).toBeNull()
  })
})
