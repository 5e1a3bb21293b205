import { describe, expect, it } from 'vitest'
import { bodyRangeToParagraphs, citedSentence, parseAt } from './timeline-passage'

describe('cited passage', () => {
  const paragraphs = ['الفقرة الأولى.', 'افتُتح الخط في 2 تموز 2025. ثم توقف.', 'الأخيرة']
  const body = paragraphs.join('\n\n')

  it('cuts a body range into the paragraph it falls in', () => {
    const sentence = 'افتُتح الخط في 2 تموز 2025.'
    const start = body.indexOf(sentence)
    const ranges = bodyRangeToParagraphs(paragraphs, start, start + sentence.length)
    expect(ranges).toEqual([[], [[0, sentence.length]], []])
    expect(paragraphs[1]!.slice(...ranges[1]![0]!)).toBe(sentence)
  })

  it('spans paragraphs without marking the blank line between them', () => {
    const start = body.indexOf('الأولى')
    const end = body.indexOf('الخط') + 4
    const ranges = bodyRangeToParagraphs(paragraphs, start, end)
    expect(paragraphs[0]!.slice(...ranges[0]![0]!)).toBe('الأولى.')
    expect(paragraphs[1]!.slice(...ranges[1]![0]!)).toBe('افتُتح الخط')
    expect(ranges[2]).toEqual([])
  })

  it('ignores a range past the end and reads only well-formed ?at=', () => {
    expect(bodyRangeToParagraphs(paragraphs, body.length + 5, body.length + 9)).toEqual([[], [], []])
    expect(parseAt('12-40')).toEqual({ start: 12, end: 40 })
    expect(parseAt('40-12')).toBeNull()
    expect(parseAt('abc')).toBeNull()
    expect(parseAt(undefined)).toBeNull()
  })

  it('widens a date mention to its whole sentence, and keeps a whole sentence as it is', () => {
    const start = body.indexOf('2 تموز 2025')
    const ranges = citedSentence(paragraphs, start, start + '2 تموز 2025'.length)
    expect(paragraphs[1]!.slice(...ranges[1]![0]!)).toBe('افتُتح الخط في 2 تموز 2025.')
    expect(ranges[0]).toEqual([])
    const whole = body.indexOf('افتُتح')
    expect(citedSentence(paragraphs, whole, whole + 'افتُتح الخط في 2 تموز 2025.'.length)).toEqual(ranges)
    expect(citedSentence(paragraphs, body.length + 1, body.length + 3)).toEqual([[], [], []])
  })
})
