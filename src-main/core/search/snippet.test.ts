import { describe, expect, it } from 'vitest'
import { makeSnippet, type Range } from './snippet'

const find = (text: string, ...words: string[]): Range[] =>
  words.flatMap((w) => [...text.matchAll(new RegExp(w, 'g'))].map((m): Range => [m.index!, m.index! + w.length]))

describe('makeSnippet', () => {
  const filler = 'كلام عام لا علاقة له بالموضوع '.repeat(20)
  const text = `${filler}السيول في المدينة ${filler}ضربت السيول مدينة السنابل ليلاً وغمرت المنازل ${filler}`

  it('shows the passage where most query words meet, highlighted', () => {
    const s = makeSnippet(text, find(text, 'السيول', 'السنابل'), 120)
    expect(s.text).toContain('ضربت السيول مدينة السنابل')
    expect(s.highlights.map(([a, b]) => s.text.slice(a, b)).sort()).toEqual(['السنابل', 'السيول'])
    expect(s.cutStart).toBe(true)
    expect(s.cutEnd).toBe(true)
  })

  it('cuts at word boundaries', () => {
    const s = makeSnippet(text, find(text, 'السنابل'), 80)
    const words = new Set(text.split(/\s+/))
    for (const w of s.text.trim().split(/\s+/)) expect(words.has(w)).toBe(true)
  })

  it('starts at the beginning when nothing matched', () => {
    const s = makeSnippet('نص قصير بلا تطابق', [], 100)
    expect(s).toEqual({ text: 'نص قصير بلا تطابق', highlights: [], cutStart: false, cutEnd: false })
  })

  it('keeps highlights on the original letters, diacritics included', () => {
    const t = 'قالَ الوزيرُ إنّ الحكومةَ مستعدة'
    const s = makeSnippet(t, [[5, 12]], 100)
    expect(s.text.slice(...s.highlights[0]!)).toBe('الوزيرُ')
  })
})
