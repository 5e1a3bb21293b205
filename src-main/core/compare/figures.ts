// Numbers and dates that two aligned passages give differently ("4 صواريخ" against "3 صواريخ").
// Where the word diff replaces words of A by words of B, the numbers (digits of any script, or a
// number written out) and the dates (core/timeline's extractDates) on each side are paired in order,
// and a pair whose values differ is reported. A number written one way in A and another in B
// ("أربعة" / "4") has one value and is not a difference.
import { extractDates } from '../timeline'
import type { DiffRun } from './diff'
import type { FigureDifference, FigureMention } from './types'
import type { Words } from './words'

/** Written-out numbers, normalized (ة → ه, أ → ا, ئ → ي), masculine and feminine forms. */
const NUMBER_WORDS: Record<string, number> = {}
for (const [value, forms] of [
  [1, 'واحد واحده'],
  [2, 'اثنان اثنين اثنتان اثنتين'],
  [3, 'ثلاث ثلاثه'],
  [4, 'اربع اربعه'],
  [5, 'خمس خمسه'],
  [6, 'ست سته'],
  [7, 'سبع سبعه'],
  [8, 'ثمان ثماني ثمانيه'],
  [9, 'تسع تسعه'],
  [10, 'عشر عشره'],
  [20, 'عشرون عشرين'],
  [30, 'ثلاثون ثلاثين'],
  [40, 'اربعون اربعين'],
  [50, 'خمسون خمسين'],
  [60, 'ستون ستين'],
  [70, 'سبعون سبعين'],
  [80, 'ثمانون ثمانين'],
  [90, 'تسعون تسعين'],
  [100, 'مئه مايه'],
  [200, 'مئتان مئتين مايتان مايتين'],
  [1000, 'الف'],
] as const) {
  for (const form of forms.split(' ')) {
    NUMBER_WORDS[form] = value
    NUMBER_WORDS['و' + form] = value // وخمسة
  }
}

/** The value of a normalized word that is a number ("4", "3.5", "1,200", "اربعه"), else null. */
export function numberValue(word: string): string | null {
  if (/^\d+([.,]\d+)*$/.test(word)) {
    // 1,200 and 1.200 are thousands; 3.5 and 3,5 (one or two decimals) a fraction.
    const parts = word.split(/[.,]/)
    if (parts.length === 2 && parts[1]!.length !== 3) return String(Number(parts.join('.')))
    return String(Number(parts.join('')))
  }
  const n = NUMBER_WORDS[word]
  return n === undefined ? null : String(n)
}

interface Mention extends FigureMention {
  /** Word indices it covers. */
  from: number
  to: number
}

const overlaps = (m: { from: number; to: number }, from: number, to: number) => m.from < to && from < m.to

/** The date mentions of the given paragraphs, as word spans. */
function dateMentions(words: Words, paragraphs: number[], referenceDate: string | undefined): Mention[] {
  const mentions: Mention[] = []
  for (const p of paragraphs) {
    const text = words.paragraphs[p]!
    for (const d of extractDates(text, { referenceDate })) {
      let from = -1
      let to = -1
      for (let i = words.paragraphStart[p]!; i < words.paragraphStart[p + 1]!; i++) {
        if (words.end[i]! > d.start && words.start[i]! < d.end) {
          if (from < 0) from = i
          to = i + 1
        }
      }
      if (from < 0) continue
      mentions.push({ text: d.text, value: d.date || d.text, range: { paragraph: p, start: d.start, end: d.end }, from, to })
    }
  }
  return mentions
}

/** The numbers among words [from, to), each with the word after it as context ("4 صواريخ"). */
function numberMentions(words: Words, from: number, to: number, inDates: Mention[]): Mention[] {
  const mentions: Mention[] = []
  for (let i = from; i < to; i++) {
    const value = numberValue(words.norm[i]!)
    if (value === null || inDates.some((d) => overlaps(d, i, i + 1))) continue
    const p = words.paragraph[i]!
    const next = i + 1
    const withNext = next < words.paragraph.length && words.paragraph[next] === p && numberValue(words.norm[next]!) === null
    const end = withNext ? words.end[next]! : words.end[i]!
    const start = words.start[i]!
    mentions.push({ text: words.paragraphs[p]!.slice(start, end), value, range: { paragraph: p, start, end }, from: i, to: i + 1 })
  }
  return mentions
}

export interface RowSides {
  row: number
  a: number[]
  b: number[]
  runs: DiffRun[]
}

/**
 * The figures that differ in one aligned row. `runs` is the word diff of the row (indices into
 * `a` and `b`'s words); a replacement is a delete next to an insert.
 */
export function figureDifferences(a: Words, b: Words, row: RowSides, dates: { a?: string; b?: string }): FigureDifference[] {
  const found: FigureDifference[] = []
  // A date spans several words, so two changed runs inside it ("5 آب 2015" / "6 آب 2016") meet it twice.
  const seen = new Set<string>()
  const add = (f: FigureDifference) => {
    const key = `${f.kind}:${f.a.range.paragraph}:${f.a.range.start}:${f.b.range.paragraph}:${f.b.range.start}`
    if (!seen.has(key)) seen.add(key), found.push(f)
  }
  let datesA: Mention[] | null = null
  let datesB: Mention[] | null = null
  for (let r = 0; r < row.runs.length; r++) {
    const run = row.runs[r]!
    if (run.kind === 'equal') continue
    // Gather the whole replacement: consecutive delete/insert runs.
    let aFrom = run.aFrom
    let aTo = run.aTo
    let bFrom = run.bFrom
    let bTo = run.bTo
    while (r + 1 < row.runs.length && row.runs[r + 1]!.kind !== 'equal') {
      const next = row.runs[++r]!
      aTo = Math.max(aTo, next.aTo)
      bTo = Math.max(bTo, next.bTo)
      aFrom = Math.min(aFrom, next.aFrom)
      bFrom = Math.min(bFrom, next.bFrom)
    }
    if (aFrom === aTo || bFrom === bTo) continue // only cut or only added: nothing to set against
    datesA ??= dateMentions(a, row.a, dates.a)
    datesB ??= dateMentions(b, row.b, dates.b)
    const changedDatesA = datesA.filter((d) => overlaps(d, aFrom, aTo))
    const changedDatesB = datesB.filter((d) => overlaps(d, bFrom, bTo))
    for (let k = 0; k < Math.min(changedDatesA.length, changedDatesB.length); k++) {
      const [da, db] = [changedDatesA[k]!, changedDatesB[k]!]
      if (da.value !== db.value) add({ kind: 'date', row: row.row, a: mention(da), b: mention(db) })
    }
    const numbersA = numberMentions(a, aFrom, aTo, datesA)
    const numbersB = numberMentions(b, bFrom, bTo, datesB)
    for (let k = 0; k < Math.min(numbersA.length, numbersB.length); k++) {
      const [na, nb] = [numbersA[k]!, numbersB[k]!]
      if (na.value !== nb.value) add({ kind: 'number', row: row.row, a: mention(na), b: mention(nb) })
    }
  }
  return found
}

const mention = ({ text, value, range }: Mention): FigureMention => ({ text, value, range })
