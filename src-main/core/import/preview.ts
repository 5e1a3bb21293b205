// Before an import, the tables and JSON files in it are shown as they will be read: the columns
// found, which column feeds which article field (automatic, or as the person corrected it), and
// the first records both raw and as the articles they will become. Only the head of a big file is
// read, so a preview stays quick whatever the file's size.
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { basename, extname, relative, resolve } from 'node:path'
import { collectFiles } from './importer'
import { parseFile, previewRecords, type FieldMap, type FormatName } from './formats'

/** Files with these extensions have fields to map. */
const STRUCTURED = new Set(['.json', '.jsonl', '.ndjson', '.csv', '.tsv', '.tab'])
export const PREVIEW_ROWS = 5
/** At most this many files are previewed (a folder of a thousand CSVs shows the first ones). */
export const MAX_PREVIEW_FILES = 10
/** Line-based files are read up to here; JSON (which must be read whole) up to MAX_JSON_BYTES. */
const HEAD_BYTES = 512 * 1024
const MAX_JSON_BYTES = 32 * 1024 * 1024
const MAX_CELL_CHARS = 300

export const ARTICLE_FIELDS = ['title', 'body', 'date', 'source', 'author', 'url'] as const

export interface PreviewArticle {
  title: string
  titleDerived: boolean
  date: string | null
  source: string | null
  author: string | null
  url: string | null
  /** The start of the text. */
  body: string
}

export interface FilePreview {
  /** Relative to the previewed folder (or the file name). */
  file: string
  format: FormatName | null
  columns: string[]
  /** What would be picked automatically. */
  suggested: FieldMap
  /** What this import would use: the given mapping where it names a column of this file, else the suggestion. */
  map: FieldMap
  /** The first records, each column's value as text (long values cut). */
  rows: Record<string, string>[]
  /** The same records as the articles they would become. */
  articles: PreviewArticle[]
  /** Problems the first records already show (no title field …). */
  problems: string[]
  /** Why this file cannot be read as records (then the import will report it as failed). */
  error: string | null
}

export interface ImportPreview {
  files: FilePreview[]
  /** Structured files beyond MAX_PREVIEW_FILES, not shown. */
  more: number
}

const cut = (s: string) => (s.length > MAX_CELL_CHARS ? s.slice(0, MAX_CELL_CHARS) + '…' : s)

/** The first bytes of a file; for line-based formats cut after the last whole line. */
function readHead(file: string): Buffer {
  const size = statSync(file).size
  const ext = extname(file).toLowerCase()
  const limit = ext === '.json' ? MAX_JSON_BYTES : HEAD_BYTES
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(Math.min(size, limit))
    const n = readSync(fd, buf, 0, buf.length, 0)
    const head = buf.subarray(0, n)
    if (n < size && ext !== '.json') {
      const lastNewline = head.lastIndexOf(0x0a)
      if (lastNewline > 0) return head.subarray(0, lastNewline + 1)
    }
    return head
  } finally {
    closeSync(fd)
  }
}

/** The mapping parseRecords will use, given the person's choices ('' = none) and the columns. */
function effectiveMap(columns: string[], given: FieldMap | undefined, suggested: FieldMap): FieldMap {
  if (!given) return suggested
  const chosen = new Set(Object.values(given).filter((v): v is string => !!v))
  const map: FieldMap = {}
  for (const f of ARTICLE_FIELDS) {
    const g = given[f]
    if (g === '') continue
    if (g !== undefined && columns.includes(g)) map[f] = g
    else if (suggested[f] && !chosen.has(suggested[f]!)) map[f] = suggested[f]
  }
  return map
}

export function previewFile(file: string, shown: string, map?: FieldMap): FilePreview {
  const out: FilePreview = { file: shown, format: null, columns: [], suggested: {}, map: {}, rows: [], articles: [], problems: [], error: null }
  let head: Buffer
  try {
    head = readHead(file)
  } catch (e) {
    out.error = `The file cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`
    return out
  }
  const name = basename(file)
  try {
    const { columns, rows, suggested } = previewRecords(name, head, PREVIEW_ROWS)
    out.columns = columns
    out.suggested = suggested
    out.map = effectiveMap(columns, map, suggested)
    out.rows = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cut(v)])))
  } catch (e) {
    out.error = (e as Error).message
    return out
  }
  try {
    const parsed = parseFile(name, head, { fieldMap: map })
    out.format = parsed.format
    out.articles = parsed.articles.slice(0, PREVIEW_ROWS).map((a) => ({
      title: cut(a.title),
      titleDerived: !!a.titleDerived,
      date: a.publishedAt ?? null,
      source: a.source ?? null,
      author: a.author ?? null,
      url: a.url ?? null,
      body: cut(a.paragraphs.join(' ')),
    }))
    out.problems = parsed.problems.filter((p) => p.record === undefined || p.record <= PREVIEW_ROWS).slice(0, 10).map((p) => (p.record !== undefined ? `Record ${p.record}: ${p.reason}` : p.reason))
  } catch (e) {
    // E.g. neither a title nor a text column: the person has to choose them.
    out.error = (e as Error).message
  }
  return out
}

/** Previews the structured files under the given paths (folders walked as the import walks them). */
export function previewImport(paths: string[], map?: FieldMap): ImportPreview {
  const { files } = collectFiles(paths)
  const root = paths.length === 1 ? resolve(paths[0]!) : process.cwd()
  const structured = files.filter((f) => STRUCTURED.has(extname(f).toLowerCase()))
  return {
    files: structured.slice(0, MAX_PREVIEW_FILES).map((f) => previewFile(f, relative(root, f) || basename(f), map)),
    more: Math.max(0, structured.length - MAX_PREVIEW_FILES),
  }
}
