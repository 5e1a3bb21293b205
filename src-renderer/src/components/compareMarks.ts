// Turns a comparison's ranges (word changes, shared passages, differing figures) into the pieces
// one paragraph is drawn from: runs of the original text, each knowing which marks cover it.
// Shared passages become groups (one clickable element each); changes and figures mark pieces
// inside them. Text stays text: the view renders pieces as text nodes inside plain elements.
import type { Comparison, ParagraphRange } from '../../../src-main/core/compare/types'

export type Side = 'a' | 'b'

export interface ParagraphMarks {
  /** Words of this side the other does not have: removed (side A) or added (side B). */
  changes: [number, number][]
  /** Shared passages, by passage id. */
  passages: { id: number; range: [number, number] }[]
  /** Numbers and dates given differently on the other side, with what the other side says. */
  figures: { range: [number, number]; other: string }[]
}

export interface Piece {
  text: string
  changed: boolean
  /** What the other side gives for this figure, when this piece is a differing number or date. */
  figureOther: string | null
  /** The figure ends with this piece (where its "differs" sign goes). */
  figureEnd: boolean
}

export interface PieceGroup {
  /** The shared passage this run belongs to, or null. */
  passage: number | null
  pieces: Piece[]
}

const emptyMarks = (): ParagraphMarks => ({ changes: [], passages: [], figures: [] })

/** Every paragraph's marks on one side of a comparison, by paragraph index. */
export function marksBySide(cmp: Comparison, side: Side): Map<number, ParagraphMarks> {
  const out = new Map<number, ParagraphMarks>()
  const at = (p: number) => out.get(p) ?? (out.set(p, emptyMarks()), out.get(p)!)
  const span = (r: ParagraphRange): [number, number] => [r.start, r.end]
  for (const row of cmp.rows) for (const r of side === 'a' ? row.aChanges : row.bChanges) at(r.paragraph).changes.push(span(r))
  for (const p of cmp.passages) for (const r of p[side].ranges) at(r.paragraph).passages.push({ id: p.id, range: span(r) })
  for (const f of cmp.figures) {
    const mine = f[side]
    const theirs = f[side === 'a' ? 'b' : 'a']
    at(mine.range.paragraph).figures.push({ range: span(mine.range), other: theirs.text })
  }
  return out
}

/** Cuts a paragraph into groups (by shared passage) of pieces (by change and figure). */
export function paragraphPieces(text: string, marks: ParagraphMarks | undefined): PieceGroup[] {
  if (!marks) return [{ passage: null, pieces: [{ text, changed: false, figureOther: null, figureEnd: false }] }]
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n))
  const cuts = new Set<number>([0, text.length])
  for (const [s, e] of [...marks.changes, ...marks.passages.map((p) => p.range), ...marks.figures.map((f) => f.range)]) {
    cuts.add(clamp(s))
    cuts.add(clamp(e))
  }
  const points = [...cuts].sort((x, y) => x - y)
  const covers = ([s, e]: [number, number], from: number, to: number) => s <= from && to <= e
  const groups: PieceGroup[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!
    const to = points[i + 1]!
    if (to <= from) continue
    const passage = marks.passages.find((p) => covers(p.range, from, to))?.id ?? null
    const figure = marks.figures.find((f) => covers(f.range, from, to))
    const piece: Piece = {
      text: text.slice(from, to),
      changed: marks.changes.some((c) => covers(c, from, to)),
      figureOther: figure?.other ?? null,
      figureEnd: !!figure && clamp(figure.range[1]) === to,
    }
    const last = groups.at(-1)
    const lastPiece = last?.pieces.at(-1)
    if (last && last.passage === passage) {
      // Neighbouring pieces with the same marks are one piece (fewer elements, words not split).
      if (lastPiece && lastPiece.changed === piece.changed && lastPiece.figureOther === piece.figureOther && !lastPiece.figureEnd) {
        lastPiece.text += piece.text
        lastPiece.figureEnd = piece.figureEnd
      }
      else last.pieces.push(piece)
    } else groups.push({ passage, pieces: [piece] })
  }
  return groups
}

/**
 * Soft background and a stronger edge per shared passage; the same id has the same colour in both
 * columns. No green, red or yellow: those mean added and removed words and differing figures.
 */
const PASSAGE_COLOURS: readonly [string, string][] = [
  ['#d6ecff', '#2f6fb0'],
  ['#fde2c8', '#b45f06'],
  ['#f3dcf5', '#8a3a94'],
  ['#d5f1ee', '#1d7a70'],
  ['#f1e6d2', '#7a5c2e'],
  ['#e3e0fa', '#4b3fb0'],
  ['#dde6ee', '#3f5f7a'],
  ['#e9e9e6', '#55575c'],
]

export function passageColour(id: number): { background: string; edge: string } {
  const [background, edge] = PASSAGE_COLOURS[(id - 1 + PASSAGE_COLOURS.length) % PASSAGE_COLOURS.length]!
  return { background, edge }
}

/** 0..1 as a whole percentage ("83%", "83٪" in Arabic, as the engine's sentences write it). */
export function formatShare(share: number, locale: string): string {
  return `${Math.round(100 * Math.max(0, Math.min(1, share)))}${locale === 'ar' ? '٪' : '%'}`
}
