// What every format parser shares: the error type, the result shapes and the last step that turns
// raw fields into a ParsedArticle (clean text, derived title, date, per-record problems).
import type { DatePrecision, ParsedArticle } from '../../model'
import { parseDate } from './dates'

export type FormatName = 'text' | 'markdown' | 'html' | 'json' | 'jsonl' | 'csv' | 'tsv' | 'trec'

/** Which column / key of a json or csv record holds each article field. `''` means "none". */
export interface FieldMap {
  title?: string
  body?: string
  date?: string
  source?: string
  author?: string
  url?: string
}

export interface ParseProblem {
  /** 1-based record number (row, line or <DOC>) when the problem concerns one record. */
  record?: number
  /** English, readable by the person importing. */
  reason: string
}

export interface ParseResult {
  format: FormatName
  encoding: string
  articles: ParsedArticle[]
  problems: ParseProblem[]
  /** The mapping actually used (json, jsonl, csv, tsv). */
  fieldMap?: FieldMap
}

/** The whole file cannot be read: binary, undecodable, or no recognisable structure. */
export class ParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ParseError'
  }
}

/** What a format parser found for one article, before cleaning. */
export interface RawArticle {
  title?: string | null
  paragraphs: string[]
  date?: string | null
  /** A date already parsed by the format (e.g. from a text date line). Wins over `date`. */
  parsedDate?: { iso: string; precision: Exclude<DatePrecision, 'unknown'> } | null
  source?: string | null
  author?: string | null
  url?: string | null
  language?: string | null
  tags?: string[]
}

export interface FinishOptions {
  /** Record number for problems (omit for single-article files). */
  record?: number
  /** Report an empty title as a problem (records and TREC); plain text often has no title line. */
  reportMissingTitle?: boolean
}

const SPACES = /[\s\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g
// Zero-width and bidi marks that only get in the way of comparison and display of a title.
const STRAY = /[\u200b\u200e\u200f\ufeff\u202a-\u202e\u2066-\u2069]/g

/** Collapse every run of white space (incl. NBSP and newlines) to one space and trim. */
export function cleanLine(s: string | null | undefined): string {
  if (!s) return ''
  // Most lines are clean already (and cleaned twice on their way): one test is far cheaper than two
  // replaces, which copy the whole line since every single space between words is a match.
  if (!NOT_CLEAN.test(s)) return s
  return s.replace(STRAY, '').replace(SPACES, ' ').trim()
}

/** What cleanLine changes: a stray mark, white space other than single spaces between words (\s and trim's set, spelled out). */
const NOT_CLEAN = /[\t-\r\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff]|  |^ | $/

const MAX_TITLE_WORDS = 12

/** A title made from the first sentence of the body: at most ~12 words. */
export function deriveTitle(paragraphs: readonly string[]): string {
  // Only the start matters (and a lazy regex over megabytes would exhaust the stack).
  const first = (paragraphs.find((p) => p.trim()) ?? '').slice(0, 1000)
  const sentence = (/^.+?[.!?؟…](?=\s|$)/u.exec(first)?.[0] ?? first).trim()
  const words = sentence.split(' ').filter(Boolean)
  if (words.length <= MAX_TITLE_WORDS) return sentence.replace(/[.]+$/u, '')
  return words.slice(0, MAX_TITLE_WORDS).join(' ').replace(/[\s،,:;؛.\-–—]+$/u, '') + '…'
}

const textOrNull = (s: string | null | undefined): string | null => cleanLine(s) || null

/**
 * Turn raw fields into an article, or null when there is neither a title nor any text.
 * Problems found on the way (empty body, empty title, unreadable date) go into `problems`.
 */
export function finishArticle(raw: RawArticle, problems: ParseProblem[], opts: FinishOptions = {}): ParsedArticle | null {
  const record = opts.record
  const push = (reason: string) => problems.push(record === undefined ? { reason } : { record, reason })
  const paragraphs = raw.paragraphs.map(cleanLine).filter(Boolean)
  let title = cleanLine(raw.title)
  let titleDerived = false

  if (!title && paragraphs.length === 0) {
    push('Neither a title nor any text was found; the article was skipped.')
    return null
  }
  if (!title) {
    title = deriveTitle(paragraphs)
    titleDerived = true
    if (opts.reportMissingTitle) push('The title is empty; one was made from the first sentence.')
  }
  if (paragraphs.length === 0) push('The article text is empty; only the title was imported.')

  let publishedAt: string | null = null
  let datePrecision: DatePrecision = 'unknown'
  const parsed = raw.parsedDate ?? (raw.date && raw.date.trim() ? parseDate(raw.date) : null)
  if (parsed) {
    publishedAt = parsed.iso
    datePrecision = parsed.precision
  } else if (raw.date && raw.date.trim()) {
    push(`The date "${cleanLine(raw.date).slice(0, 60)}" could not be read; the article has no date.`)
  }

  const article: ParsedArticle = { title, paragraphs, publishedAt, datePrecision, source: textOrNull(raw.source), author: textOrNull(raw.author), url: textOrNull(raw.url) }
  if (titleDerived) article.titleDerived = true
  const language = cleanLine(raw.language)
  if (language) article.language = language
  const tags = [...new Set((raw.tags ?? []).map(cleanLine).filter(Boolean))]
  if (tags.length) article.tags = tags
  return article
}

/** Split a body that may hold newlines into paragraphs: blank lines if any, else single newlines. */
export function splitBody(body: string): string[] {
  const text = body.replace(/\r\n?/g, '\n').trim()
  if (!text) return []
  const blocks = /\n[ \t\u00a0]*\n/.test(text) ? text.split(/\n(?:[ \t\u00a0]*\n)+/) : text.split('\n')
  return blocks.map(cleanLine).filter(Boolean)
}
