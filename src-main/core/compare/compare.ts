// Two articles side by side (issue #5): paragraphs aligned, word differences inside them, passages
// both carry, numbers and dates that differ, metadata, and a summary. Everything is matched on
// normalized words and reported as ranges of the original text (see types.ts).
import type { Article, ArticleSummary } from '../model'
import { normalize } from '../arabic'
import { alignParagraphs } from './align'
import { diffWords, type DiffRun } from './diff'
import { figureDifferences } from './figures'
import { findSharedPassages, type PassageMatch } from './passages'
import { summaryLine } from './summary'
import type { AlignedRow, CompareSide, CompareSummary, Comparison, FigureDifference, MetadataDiff, MetadataField, PassageLocation, SharedPassage } from './types'
import { bodyOffsets, Lexicon, rangesOfWords, wordsOf, type Words } from './words'

/** The article fields a comparison reads. */
export type ComparedArticle = Pick<Article, 'id' | 'title' | 'source' | 'date' | 'datePrecision' | 'author' | 'url' | 'paragraphs'>

export function compareArticles(a: ComparedArticle, b: ComparedArticle): Comparison {
  const lexicon = new Lexicon()
  const wa = wordsOf(a.paragraphs, lexicon)
  const wb = wordsOf(b.paragraphs, lexicon)
  const coveredA = new Uint8Array(wa.ids.length)
  const coveredB = new Uint8Array(wb.ids.length)

  const rows: AlignedRow[] = []
  const figures: FigureDifference[] = []
  const referenceDates = { a: referenceDate(a), b: referenceDate(b) }
  const matches = findSharedPassages(wa, wb)
  for (const { a: pa, b: pb, similarity, moved } of alignParagraphs(wa, wb, matches)) {
    if (!pb.length) {
      rows.push({ kind: 'removed', a: pa, b: [], similarity: 0, moved: false, aChanges: [], bChanges: [] })
      continue
    }
    if (!pa.length) {
      rows.push({ kind: 'added', a: [], b: pb, similarity: 0, moved: false, aChanges: [], bChanges: [] })
      continue
    }
    // Paragraphs of a row are consecutive, so the row's words are one stretch of each article.
    const [a0, a1] = [wa.paragraphStart[pa[0]!]!, wa.paragraphStart[pa.at(-1)! + 1]!]
    const [b0, b1] = [wb.paragraphStart[pb[0]!]!, wb.paragraphStart[pb.at(-1)! + 1]!]
    const runs = diffWords(wa.ids.subarray(a0, a1), wb.ids.subarray(b0, b1)).map((r): DiffRun => ({ ...r, aFrom: r.aFrom + a0, aTo: r.aTo + a0, bFrom: r.bFrom + b0, bTo: r.bTo + b0 }))
    const cut: number[] = []
    const added: number[] = []
    for (const run of runs) {
      if (run.kind === 'equal') {
        coveredA.fill(1, run.aFrom, run.aTo)
        coveredB.fill(1, run.bFrom, run.bTo)
      } else {
        for (let i = run.aFrom; i < run.aTo; i++) cut.push(i)
        for (let j = run.bFrom; j < run.bTo; j++) added.push(j)
      }
    }
    const same = cut.length === 0 && added.length === 0
    figures.push(...figureDifferences(wa, wb, { row: rows.length, a: pa, b: pb, runs }, referenceDates))
    rows.push({ kind: same ? 'same' : 'changed', a: pa, b: pb, similarity: same ? 1 : round(similarity), moved, aChanges: same ? [] : rangesOfWords(wa, cut), bChanges: same ? [] : rangesOfWords(wb, added) })
  }

  for (const m of matches) {
    coveredA.fill(1, m.a, m.a + m.length)
    coveredB.fill(1, m.b, m.b + m.length)
  }
  const passages = matches.map((m, k) => sharedPassage(k + 1, m, wa, wb))

  const aInB = share(coveredA)
  const bInA = share(coveredB)
  const counts = {
    aInB,
    bInA,
    addedParagraphs: rows.reduce((n, r) => n + (r.kind === 'added' ? r.b.length : 0), 0),
    removedParagraphs: rows.reduce((n, r) => n + (r.kind === 'removed' ? r.a.length : 0), 0),
    changedParagraphs: rows.filter((r) => r.kind === 'changed').length,
  }
  const summary: CompareSummary = {
    ...counts,
    sharedPassages: passages.length,
    sharedWords: matches.reduce((n, m) => n + m.length, 0),
    figureDifferences: figures.length,
    line: summaryLine(counts),
  }
  return { a: side(a, wa), b: side(b, wb), metadata: metadataDiff(a, b), rows, passages, figures, summary }
}

/** The list form of an article (what search results and tables show). */
export const articleSummary = ({ id, title, titleDerived, date, datePrecision, source, author }: Article): ArticleSummary => ({ id, title, titleDerived, date, datePrecision, source, author })

const round = (x: number) => Math.round(x * 1000) / 1000

function share(covered: Uint8Array): number {
  if (covered.length === 0) return 0
  let n = 0
  for (const c of covered) n += c
  return round(n / covered.length)
}

/** The publication day, which resolves اليوم، أمس … in the article's dates. */
const referenceDate = (a: ComparedArticle): string | undefined => (a.date && /^\d{4}-\d{2}-\d{2}/.test(a.date) ? a.date.slice(0, 10) : undefined)

function side(article: ComparedArticle, words: Words): CompareSide {
  const { id, title, source, date, datePrecision, author, url, paragraphs } = article
  return { id, title, source, date, datePrecision, author, url, paragraphs, wordCount: words.ids.length }
}

function location(words: Words, from: number, length: number): PassageLocation {
  const offsets = bodyOffsets(words.paragraphs)
  const first = from
  const last = from + length - 1
  return {
    ranges: rangesOfWords(words, range(from, from + length)),
    bodyStart: offsets[words.paragraph[first]!]! + words.start[first]!,
    bodyEnd: offsets[words.paragraph[last]!]! + words.end[last]!,
  }
}

function* range(from: number, to: number): Generator<number> {
  for (let i = from; i < to; i++) yield i
}

function sharedPassage(id: number, m: PassageMatch, wa: Words, wb: Words): SharedPassage {
  const a = location(wa, m.a, m.length)
  return { id, words: m.length, text: wa.paragraphs.join('\n\n').slice(a.bodyStart, a.bodyEnd), a, b: location(wb, m.b, m.length) }
}

const comparable = (s: string | null) => normalize(s ?? '').replace(/\s+/g, ' ').trim()

function metadataDiff(a: ComparedArticle, b: ComparedArticle): MetadataDiff[] {
  const fields: MetadataField[] = ['title', 'source', 'date', 'author', 'url']
  return fields.map((field) => {
    const va = a[field] ?? null
    const vb = b[field] ?? null
    return { field, a: va, b: vb, same: comparable(va) === comparable(vb) }
  })
}
