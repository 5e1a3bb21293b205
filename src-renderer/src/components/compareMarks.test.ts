import { describe, expect, it } from 'vitest'
import type { Comparison } from '../../../src-main/core/compare/types'
import { formatShare, marksBySide, paragraphPieces, passageColour } from './compareMarks'

// "لقي أربعة أشخاص حتفهم" against "لقي خمسة أشخاص حتفهم": one word replaced, a figure that differs,
// a passage on either side of it.
const A = 'لقي أربعة أشخاص حتفهم'
const B = 'لقي خمسة أشخاص حتفهم'
const comparison = {
  rows: [{ kind: 'changed', a: [0], b: [0], similarity: 0.75, moved: false, aChanges: [{ paragraph: 0, start: 4, end: 9 }], bChanges: [{ paragraph: 0, start: 4, end: 8 }] }],
  passages: [
    { id: 1, words: 1, text: 'لقي', a: { ranges: [{ paragraph: 0, start: 0, end: 3 }], bodyStart: 0, bodyEnd: 3 }, b: { ranges: [{ paragraph: 0, start: 0, end: 3 }], bodyStart: 0, bodyEnd: 3 } },
    { id: 2, words: 2, text: 'أشخاص حتفهم', a: { ranges: [{ paragraph: 0, start: 10, end: 21 }], bodyStart: 10, bodyEnd: 21 }, b: { ranges: [{ paragraph: 0, start: 9, end: 20 }], bodyStart: 9, bodyEnd: 20 } },
  ],
  figures: [{ kind: 'number', row: 0, a: { text: 'أربعة', value: '4', range: { paragraph: 0, start: 4, end: 9 } }, b: { text: 'خمسة', value: '5', range: { paragraph: 0, start: 4, end: 8 } } }],
} as unknown as Comparison

describe('marking a paragraph of a comparison', () => {
  it('gathers each side’s changes, passages and figures by paragraph, with what the other side says', () => {
    const a = marksBySide(comparison, 'a').get(0)!
    expect(a.changes).toEqual([[4, 9]])
    expect(a.passages).toEqual([{ id: 1, range: [0, 3] }, { id: 2, range: [10, 21] }])
    expect(a.figures).toEqual([{ range: [4, 9], other: 'خمسة' }])
    expect(marksBySide(comparison, 'b').get(0)!.figures).toEqual([{ range: [4, 8], other: 'أربعة' }])
  })

  it('cuts the original text into passages and marked words, losing and adding nothing', () => {
    const groups = paragraphPieces(A, marksBySide(comparison, 'a').get(0))
    expect(groups.map((g) => g.pieces.map((p) => p.text).join('')).join('')).toBe(A)
    expect(groups).toEqual([
      { passage: 1, pieces: [{ text: 'لقي', changed: false, figureOther: null, figureEnd: false }] },
      { passage: null, pieces: [{ text: ' ', changed: false, figureOther: null, figureEnd: false }, { text: 'أربعة', changed: true, figureOther: 'خمسة', figureEnd: true }, { text: ' ', changed: false, figureOther: null, figureEnd: false }] },
      { passage: 2, pieces: [{ text: 'أشخاص حتفهم', changed: false, figureOther: null, figureEnd: false }] },
    ])
    expect(paragraphPieces(B, marksBySide(comparison, 'b').get(0))[1]!.pieces[1]).toEqual({ text: 'خمسة', changed: true, figureOther: 'أربعة', figureEnd: true })
  })

  it('marks a figure that runs over a passage edge once, where it ends', () => {
    const groups = paragraphPieces('لقي أربعة أشخاص', { changes: [[4, 9]], passages: [{ id: 1, range: [10, 15] }], figures: [{ range: [4, 15], other: 'خمسة أشخاص' }] })
    const figurePieces = groups.flatMap((g) => g.pieces).filter((p) => p.figureOther)
    expect(figurePieces.map((p) => [p.text, p.figureEnd])).toEqual([['أربعة', false], [' ', false], ['أشخاص', true]])
  })

  it('leaves an unmarked paragraph whole', () => {
    expect(paragraphPieces('نص بلا علامات', undefined)).toEqual([{ passage: null, pieces: [{ text: 'نص بلا علامات', changed: false, figureOther: null, figureEnd: false }] }])
  })

  it('keeps ranges that run past the text inside it', () => {
    const groups = paragraphPieces('قصير', { changes: [[2, 40]], passages: [], figures: [] })
    expect(groups[0]!.pieces).toEqual([{ text: 'قص', changed: false, figureOther: null, figureEnd: false }, { text: 'ير', changed: true, figureOther: null, figureEnd: false }])
  })

  it('gives a passage the same colour wherever it is, and neighbours different ones', () => {
    expect(passageColour(3)).toEqual(passageColour(3))
    expect(passageColour(1).background).not.toBe(passageColour(2).background)
  })

  it('writes shares as whole percentages', () => {
    expect(formatShare(0.834, 'en')).toBe('83%')
    expect(formatShare(1.2, 'en')).toBe('100%')
    expect(formatShare(0.5, 'ar')).toBe('50٪')
  })
})
