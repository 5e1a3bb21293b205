// Pure parsers: one file's bytes → articles. No file system, no archive; the importer
// (../importer.ts) walks folders and zips and writes what comes out of here.
import { decodeText } from './encoding'
import { detectFormat, looksLikeHtml } from './detect'
import { parseHtml } from './html'
import { parseRecords, previewFromRecords, type RecordFormat } from './records'
import { ParseError, type FieldMap, type FormatName, type ParseProblem, type ParseResult } from './shared'
import { parseText } from './text'
import { parseTrec } from './trec'
import type { ParsedArticle } from '../../model'

export { decodeText } from './encoding'
export { detectFormat } from './detect'
export { ParseError } from './shared'
export type { FieldMap, FormatName, ParseProblem, ParseResult } from './shared'

/** A file with thousands of broken records does not need thousands of lines in the report. */
const MAX_PROBLEMS = 500

function capped(problems: ParseProblem[]): ParseProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems
  return [...problems.slice(0, MAX_PROBLEMS), { reason: `${problems.length - MAX_PROBLEMS} more problems were not listed.` }]
}

const RECORD_FORMATS: readonly FormatName[] = ['json', 'jsonl', 'csv', 'tsv']

function decodeFor(fileName: string, bytes: Uint8Array): { text: string; encoding: string; format: FormatName } {
  const { text, encoding } = decodeText(bytes)
  if (!text.trim()) throw new ParseError('The file is empty.')
  const format = detectFormat(fileName, text)
  if (!format) throw new ParseError('This kind of file is not supported. Arshif reads text, Markdown, web pages (HTML), JSON, JSON Lines, CSV, TSV and TREC files.')
  return { text, encoding, format }
}

/** Parse one file into articles. Throws ParseError when the file as a whole cannot be read. */
export function parseFile(fileName: string, bytes: Uint8Array, opts: { fieldMap?: FieldMap } = {}): ParseResult {
  const { text, encoding, format } = decodeFor(fileName, bytes)
  let out: { articles: ParsedArticle[]; problems: ParseProblem[]; fieldMap?: FieldMap }
  switch (format) {
    case 'text':
    case 'markdown':
      out = parseText(text, format === 'markdown')
      break
    case 'html':
      out = parseHtml(text)
      break
    case 'trec':
      out = parseTrec(text)
      break
    case 'json':
    case 'jsonl':
    case 'csv':
    case 'tsv':
      out = parseRecords(format, text, opts.fieldMap)
      break
  }
  const result: ParseResult = { format, encoding, articles: out.articles, problems: capped(out.problems) }
  if (out.fieldMap) result.fieldMap = out.fieldMap
  return result
}

/** The first `n` records of a json/jsonl/csv/tsv file, for choosing the field mapping by hand. */
export function previewRecords(fileName: string, bytes: Uint8Array, n: number): { columns: string[]; rows: Record<string, string>[]; suggested: FieldMap } {
  const { text, format } = decodeFor(fileName, bytes)
  if (!RECORD_FORMATS.includes(format)) throw new ParseError(`This file is ${format === 'html' || looksLikeHtml(text) ? 'a web page' : `in ${format} format`}, not a table or JSON records, so it has no fields to map.`)
  return previewFromRecords(format as RecordFormat, text, n)
}
