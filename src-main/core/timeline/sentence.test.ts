import { describe, expect, it } from 'vitest'
import { extractDates } from './extract'
import { sentenceAround } from './sentence'

describe('sentenceAround', () => {
  const text =
    'لم تكد تمر أيام قليلة على بداية العام 2022، حتى عادت عمليات الاستهداف. وكانت الجولة الرابعة في الـ 26 من تموز 2021، برئاسة وزراء الخارجية. وانتهى الأمر.'

  it('gives the sentence holding the mention, with its full stop', () => {
    const m = extractDates(text).find((x) => x.date === '2021-07-26')!
    const s = sentenceAround(text, m.start, m.end)
    expect(s.text).toBe('وكانت الجولة الرابعة في الـ 26 من تموز 2021، برئاسة وزراء الخارجية.')
    expect(text.slice(s.start, s.end)).toBe(s.text)
  })

  it('cuts a long sentence to the clauses around the mention', () => {
    const long = `${'كلام تمهيدي طويل، '.repeat(20)}وقعت الاتفاقية في العام 2008، وقررت الانسحاب${'، وكلام لاحق طويل'.repeat(20)}.`
    const m = extractDates(long)[0]!
    const s = sentenceAround(long, m.start, m.end, 80)
    expect(s.text).toContain('وقعت الاتفاقية في العام 2008')
    expect(s.text.length).toBeLessThanOrEqual(80)
    expect(long.slice(s.start, s.end)).toBe(s.text)
  })

  it('falls back to whole words when even the clause is too long', () => {
    const long = `${'كلمة '.repeat(100)}في العام 2008 ${'كلمة '.repeat(100)}`
    const m = extractDates(long)[0]!
    const s = sentenceAround(long, m.start, m.end, 60)
    expect(s.text).toContain('العام 2008')
    expect(s.text.length).toBeLessThanOrEqual(60)
    for (const w of s.text.split(' ')) expect(['كلمة', 'في', 'العام', '2008']).toContain(w)
  })
})
