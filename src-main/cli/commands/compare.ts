// `arshif compare <idA> <idB> [--json] [--html F] [--pdf F]`: two articles side by side. Prints the
// figures, the paragraphs that differ and the shared passages with their character ranges in both
// articles' original text; --html / --pdf also save the comparison as a document.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { AppError } from '../../core/errors'
import { compareArticles, exportComparison, type Comparison, type ParagraphRange } from '../../core/compare'
import { printPdfWithChromium } from '../../core/pdf'
import { err, intOption, openArchive, out, UsageError, type Options } from '../common'

export async function compareCommand(values: Options, args: string[]): Promise<number> {
  if (args.length !== 2) throw new UsageError('compare needs two article ids: arshif compare <idA> <idB>')
  const [a, b] = args.map((arg, k) => intOption(arg, k ? 'idB' : 'idA', NaN, 1))
  if (Number.isNaN(a) || Number.isNaN(b)) throw new UsageError('compare needs two article ids')
  if (a === b) throw new UsageError('compare needs two different articles')
  const archive = openArchive(values)
  let comparison: Comparison
  try {
    const get = (id: number) => {
      const article = archive.getArticle(id)
      if (!article) throw new AppError('not_found', `There is no article ${id} in ${archive.dir}.`)
      return article
    }
    comparison = compareArticles(get(a!), get(b!))
  } finally {
    archive.close()
  }

  for (const [format, file] of [['html', values.html], ['pdf', values.pdf]] as const) {
    if (!file) continue
    const exported = await exportComparison(comparison, format, printPdfWithChromium)
    writeFileSync(resolve(file), exported.data)
    err(`Saved the comparison to ${resolve(file)}`)
  }
  out(values.json ? JSON.stringify(comparison, null, 2) : describe(comparison))
  return 0
}

const pct = (x: number) => `${Math.round(x * 100)}%`
/** "¶3 12–40": paragraph counted from 1, characters from 0 to (not including) the end. */
const where = (r: ParagraphRange) => `¶${r.paragraph + 1} ${r.start}–${r.end}`
const quote = (s: string, max = 90) => {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat
}

function describe(c: Comparison): string {
  const { summary: s } = c
  const lines: string[] = []
  const head = (label: string, side: Comparison['a']) => `${label}  #${side.id}  ${[side.source, side.date, side.title].filter(Boolean).join(' · ')}  (${side.wordCount} words, ${side.paragraphs.length} paragraphs)`
  lines.push(head('A', c.a), head('B', c.b), '')
  lines.push(s.line.en, s.line.ar, '')
  lines.push(`A in B: ${pct(s.aInB)}   B in A: ${pct(s.bInA)}   shared passages: ${s.sharedPassages} (${s.sharedWords} words)`)
  lines.push(`paragraphs: ${s.removedParagraphs} only in A, ${s.addedParagraphs} only in B, ${s.changedParagraphs} changed, ${c.rows.filter((r) => r.kind === 'same').length} the same`)
  const differing = c.metadata.filter((m) => !m.same).map((m) => m.field)
  lines.push(`metadata that differs: ${differing.length ? differing.join(', ') : 'none'}`)
  if (c.figures.length) {
    lines.push('', 'Numbers and dates that differ:')
    for (const f of c.figures) lines.push(`  ${f.kind}: A ${where(f.a.range)} «${f.a.text}»  ≠  B ${where(f.b.range)} «${f.b.text}»`)
  }
  if (c.passages.length) {
    lines.push('', 'Shared passages (¶ paragraph from 1, then character offsets in its original text; body = paragraphs joined by a blank line):')
    for (const p of c.passages) {
      lines.push(`  [${p.id}] ${p.words} words «${quote(p.text)}»`)
      lines.push(`      A ${p.a.ranges.map(where).join(', ')}   body ${p.a.bodyStart}–${p.a.bodyEnd}`)
      lines.push(`      B ${p.b.ranges.map(where).join(', ')}   body ${p.b.bodyStart}–${p.b.bodyEnd}`)
    }
  }
  return lines.join('\n')
}
