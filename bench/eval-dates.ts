// npm run eval:dates — precision and recall of the date extractor on a hand-annotated gold set.
// bench/dates-gold.json holds short passages quoted from SaudiNewsNet and ANT (Jawhara FM), each with
// its publication date and EVERY date expression in it (some passages have none: numbers that are
// not dates), so the file is self-contained and this runs without the corpus.
//
// Matching, per passage: a found mention and a gold expression match when their character ranges
// overlap (one to one, the largest overlap first). A match is correct when the found date agrees with
// the gold date at the gold precision: the first 4 (year, part of a year), 7 (month, part of a month)
// or 10 (day, week) characters, i.e. as many as the gold date has. A found mention with no gold
// expression is a false positive; a gold expression with no found mention is a miss.
//   precision = correct / found     recall = correct / gold     (per rule: found = mentions matched
//   to gold expressions of that rule; the false positives have no rule and count in the overall line)
//   --all      list every error, not just the first 40 lines
//   --json     print the figures as JSON instead of tables
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { extractDates } from '../src-main/core/timeline'
import type { DateMention } from '../src-main/core/timeline'

interface GoldExpression {
  text: string
  start: number
  end: number
  date: string
  precision: 'day' | 'week' | 'month' | 'year' | 'part'
  rule: string
  part?: string
}
interface GoldPassage {
  id: string
  from: string
  reference: string
  text: string
  expressions: GoldExpression[]
}

const { values: args } = parseArgs({ options: { all: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } })
const GOLD = resolve(import.meta.dirname, 'dates-gold.json')
const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as { about: string; passages: GoldPassage[] }

const RULES = ['levantine', 'egyptian', 'maghrebi', 'double', 'hijri', 'hijri-pair', 'numeric', 'year', 'part', 'relative']

interface Tally {
  gold: number
  found: number // found mentions matched to gold of this rule
  overlap: number // = found: gold expressions with an overlapping mention
  correct: number
}
const blank = (): Tally => ({ gold: 0, found: 0, overlap: 0, correct: 0 })
const byRule = new Map<string, Tally>(RULES.map((r) => [r, blank()]))
const total = blank()
let falsePositives = 0
let emptyPassages = 0
let emptyClean = 0
let partAgree = 0
let partChecked = 0

type ErrorKind = 'miss' | 'wrong date' | 'false positive' | 'extra piece'
interface EvalError {
  kind: ErrorKind
  id: string
  rule?: string
  line: string
}
const errors: EvalError[] = []
const kindCount = new Map<string, number>()
const countKind = (k: string) => kindCount.set(k, (kindCount.get(k) ?? 0) + 1)

const q = (s: string) => `«${s}»`
const describe = (m: DateMention) => `${q(m.text)} ${m.date || "''"} ${m.precision}${m.part ? '/' + m.part : ''}${m.calendar === 'hijri' ? ' hijri' : ''}`

/** the gold dates are written to the gold precision: compare that many characters */
function sameDate(found: string, g: GoldExpression): boolean {
  return found.length >= g.date.length && found.slice(0, g.date.length) === g.date
}

/** a short context for a false positive */
function around(text: string, s: number, e: number): string {
  return text.slice(Math.max(0, s - 20), Math.min(text.length, e + 20)).replace(/\s+/g, ' ')
}

for (const p of gold.passages) {
  for (const g of p.expressions) {
    if (p.text.slice(g.start, g.end) !== g.text) throw new Error(`${p.id}: offsets of ${q(g.text)} do not match the text`)
  }
  const found = extractDates(p.text, { referenceDate: p.reference })
  if (p.expressions.length === 0) {
    emptyPassages++
    if (found.length === 0) emptyClean++
  }

  // one-to-one matching, the largest overlap first
  const pairs: { gi: number; fi: number; ov: number }[] = []
  p.expressions.forEach((g, gi) =>
    found.forEach((m, fi) => {
      const ov = Math.min(g.end, m.end) - Math.max(g.start, m.start)
      if (ov > 0) pairs.push({ gi, fi, ov })
    }),
  )
  pairs.sort((a, b) => b.ov - a.ov || a.gi - b.gi)
  const gMatch = new Map<number, number>()
  const fMatch = new Map<number, number>()
  for (const { gi, fi } of pairs) {
    if (gMatch.has(gi) || fMatch.has(fi)) continue
    gMatch.set(gi, fi)
    fMatch.set(fi, gi)
  }

  p.expressions.forEach((g, gi) => {
    const t = byRule.get(g.rule) ?? byRule.set(g.rule, blank()).get(g.rule)!
    t.gold++
    total.gold++
    const fi = gMatch.get(gi)
    if (fi === undefined) {
      errors.push({ kind: 'miss', id: p.id, rule: g.rule, line: `${q(g.text)} = ${g.date} ${g.precision}${g.part ? '/' + g.part : ''} (ref ${p.reference})` })
      countKind(`miss: ${g.rule}`)
      return
    }
    const m = found[fi]!
    t.found++
    t.overlap++
    total.found++
    total.overlap++
    if (g.part) {
      partChecked++
      if (m.part === g.part) partAgree++
    }
    if (sameDate(m.date, g)) {
      t.correct++
      total.correct++
    } else {
      errors.push({ kind: 'wrong date', id: p.id, rule: g.rule, line: `${q(g.text)} = ${g.date} ${g.precision}, found ${describe(m)} (ref ${p.reference})` })
      countKind(`wrong date: ${g.rule}`)
    }
  })

  found.forEach((m, fi) => {
    if (fMatch.has(fi)) return
    falsePositives++
    total.found++
    const inside = p.expressions.some((g) => m.start < g.end && g.start < m.end)
    const kind: ErrorKind = inside ? 'extra piece' : 'false positive'
    errors.push({ kind, id: p.id, line: `${describe(m)} in …${around(p.text, m.start, m.end)}… (ref ${p.reference})` })
    countKind(kind)
  })
}

const pct = (n: number, d: number) => (d === 0 ? '   —  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`)

if (args.json) {
  const rules = Object.fromEntries(
    [...byRule].map(([r, t]) => [r, { ...t, precision: t.found ? t.correct / t.found : null, recall: t.gold ? t.correct / t.gold : null }]),
  )
  console.log(
    JSON.stringify(
      {
        passages: gold.passages.length,
        overall: { ...total, falsePositives, precision: total.correct / total.found, recall: total.correct / total.gold },
        rules,
        emptyPassages: { total: emptyPassages, clean: emptyClean },
        errorKinds: Object.fromEntries(kindCount),
      },
      null,
      1,
    ),
  )
  process.exit(0)
}

const ex = gold.passages.reduce((n, p) => n + p.expressions.length, 0)
console.log(`Date extraction on ${gold.passages.length} hand-annotated passages, ${ex} gold expressions (${GOLD.replace(resolve(import.meta.dirname, '..') + '/', '')})`)
console.log('correct = overlapping span and the same date at the gold precision; span = overlapping span, any date\n')
const head = `${'rule'.padEnd(11)} ${'gold'.padStart(5)} ${'found'.padStart(6)} ${'correct'.padStart(8)} ${'precision'.padStart(10)} ${'recall'.padStart(8)} ${'span rec.'.padStart(10)}`
console.log(head)
console.log('-'.repeat(head.length))
for (const [r, t] of byRule) {
  if (t.gold === 0) continue
  console.log(
    `${r.padEnd(11)} ${String(t.gold).padStart(5)} ${String(t.found).padStart(6)} ${String(t.correct).padStart(8)} ${pct(t.correct, t.found).padStart(10)} ${pct(t.correct, t.gold).padStart(8)} ${pct(t.overlap, t.gold).padStart(10)}`,
  )
}
console.log('-'.repeat(head.length))
console.log(
  `${'overall'.padEnd(11)} ${String(total.gold).padStart(5)} ${String(total.found).padStart(6)} ${String(total.correct).padStart(8)} ${pct(total.correct, total.found).padStart(10)} ${pct(total.correct, total.gold).padStart(8)} ${pct(total.overlap, total.gold).padStart(10)}`,
)
const f1 = (2 * total.correct) / (total.found + total.gold)
console.log(`F1 ${(100 * f1).toFixed(1)}% · false positives ${falsePositives} (found mentions matching no gold expression; counted in the overall found)`)
console.log(`passages without dates: ${emptyClean} of ${emptyPassages} left empty by the extractor`)
console.log(`part word agreement on matched 'part' expressions: ${partAgree} of ${partChecked}`)

console.log('\nErrors by kind:')
for (const [k, n] of [...kindCount].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(3)}  ${k}`)

// ~40 lines: misses and wrong dates first, but at least 15 lines are kept for the false positives
const LIMIT = args.all ? Infinity : 40
const misses = errors.filter((e) => e.kind === 'miss' || e.kind === 'wrong date')
const spurious = errors.filter((e) => e.kind === 'false positive' || e.kind === 'extra piece')
const spuriousShown = Math.min(spurious.length, Math.max(15, LIMIT - misses.length))
const missesShown = Math.min(misses.length, LIMIT - spuriousShown)
console.log(`\nMisses, wrong dates and false positives${args.all ? '' : ` (about ${LIMIT} lines of ${errors.length}; --all for every one)`}:`)
const show = (list: EvalError[], n: number) => {
  const sorted = [...list].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))
  for (const e of sorted.slice(0, n)) console.log(`  ${e.id} ${e.kind}${e.rule ? ` [${e.rule}]` : ''}: ${e.line}`)
  if (n < list.length) console.log(`  … ${list.length - n} more`)
}
show(misses, missesShown)
show(spurious, spuriousShown)
process.exit(0)
