// Reading an exported PDF back, as a person would check it. pdftotext scatters spaces and bidi
// marks through Arabic words and may reorder digits against Arabic letters, so text is compared with
// all of those removed.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const hasPoppler = existsSync('/usr/bin/pdftotext') || Boolean(process.env.CI)

/** Text without white space and without bidi controls (LRM/RLM, embeddings, isolates). */
export const squeeze = (s: string) => s.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '')

/** The squeezed text of each page. */
export function pdfPages(file: string): string[] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1] ?? 0)
  return Array.from({ length: count }, (_, i) => squeeze(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-']).toString()))
}

/** The fonts the PDF embeds (pdffonts' name column). */
export function pdfFonts(file: string): string[] {
  return execFileSync('pdffonts', [file])
    .toString()
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0]!)
    .filter(Boolean)
}
