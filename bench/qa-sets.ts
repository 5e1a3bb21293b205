// The public question → paragraph sets (ARCD + XQuAD Arabic, SQuAD v1.1 format), pooled: every
// paragraph is a document, every question a query whose one relevant document is its paragraph.
// And a plain text table for the evaluation scripts.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CORPUS_DIR } from './corpus'

interface Squad {
  data: { title: string; paragraphs: { context: string; qas: { question: string }[] }[] }[]
}

export interface QaQuestion {
  text: string
  /** Index of its paragraph in `paragraphs`. */
  paragraph: number
  set: 'ARCD' | 'XQuAD'
}

export function loadQaSets(corpusDir = CORPUS_DIR): { paragraphs: string[]; questions: QaQuestion[] } {
  const paragraphs: string[] = []
  const questions: QaQuestion[] = []
  for (const [set, file] of [['ARCD', 'arcd.json'], ['XQuAD', 'xquad.ar.json']] as const) {
    const squad = JSON.parse(readFileSync(resolve(corpusDir, 'qa', file), 'utf8')) as Squad
    for (const article of squad.data) {
      for (const p of article.paragraphs) {
        for (const qa of p.qas) questions.push({ text: qa.question, paragraph: paragraphs.length, set })
        paragraphs.push(p.context)
      }
    }
  }
  return { paragraphs, questions }
}

export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of rows) console.log(line(r))
}
