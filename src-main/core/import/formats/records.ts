// Record files: JSON (an array, an object holding an array, or one article object), JSON Lines,
// CSV and TSV (RFC 4180 quoting). Fields are mapped to article fields by their names, in English
// or Arabic, unless the caller says which column is which.
import type { ParsedArticle } from '../../model'
import { cleanLine, finishArticle, ParseError, splitBody, type FieldMap, type ParseProblem } from './shared'

export type RecordFormat = 'json' | 'jsonl' | 'csv' | 'tsv'
export type Field = keyof FieldMap
const FIELDS: Field[] = ['title', 'body', 'date', 'source', 'author', 'url']

/** One record: column name → value (string, number, array of strings …), nested objects flattened to `a.b`. */
export type Row = Map<string, unknown>

export interface Records {
  columns: string[]
  rows: Row[]
  /** Record number of each row, for problems (JSON Lines: the line number). */
  numbers: number[]
  problems: ParseProblem[]
}

// ---------------------------------------------------------------- field names

/** Lower case, Arabic letter variants folded, separators dropped: `Published_At` → `publishedat`. */
export function normalizeKey(k: string): string {
  return k
    .toLowerCase()
    .replace(/[\u064b-\u0652\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

const NAMES: Record<Field, string[]> = {
  title: ['title', 'headline', 'heading', 'subject', 'عنوان', 'العنوان', 'عنوان الخبر', 'العنوان الرئيسي'],
  body: ['content', 'body', 'text', 'article', 'articlebody', 'fulltext', 'full_text', 'maintext', 'story', 'نص', 'النص', 'المحتوى', 'محتوى', 'المتن', 'نص الخبر', 'الخبر', 'المقال', 'description', 'summary', 'abstract', 'الملخص'],
  date: ['date', 'published', 'published_at', 'publishedat', 'pubDate', 'publish_date', 'publication_date', 'date_published', 'datePublished', 'date_extracted', 'datetime', 'created', 'created_at', 'time', 'timestamp', 'تاريخ', 'التاريخ', 'تاريخ النشر', 'الوقت'],
  source: ['source', 'outlet', 'publisher', 'site', 'sitename', 'site_name', 'newspaper', 'publication', 'مصدر', 'المصدر', 'الصحيفة', 'صحيفة', 'الجريدة', 'الموقع', 'الناشر'],
  author: ['author', 'authors', 'byline', 'writer', 'creator', 'reporter', 'كاتب', 'الكاتب', 'المؤلف', 'المحرر', 'بقلم'],
  url: ['url', 'link', 'href', 'permalink', 'uri', 'رابط', 'الرابط'],
}
const NORMALIZED_NAMES = Object.fromEntries(FIELDS.map((f) => [f, NAMES[f].map(normalizeKey)])) as Record<Field, string[]>

/** Words of a key: `date_extracted` → date, extracted; `articleBody` → article, body; `author.name` → author, name. */
function keyWords(k: string): string[] {
  return k
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .map(normalizeKey)
    .filter(Boolean)
}

/** Guess which column holds each field: exact names first, then a name word inside a longer key. */
export function suggestFieldMap(columns: string[]): FieldMap {
  const map: FieldMap = {}
  const used = new Set<string>()
  const pick = (match: (col: string, name: string) => boolean) => {
    for (const f of FIELDS) {
      if (map[f] !== undefined) continue
      let best: { col: string; rank: number } | null = null
      for (const col of columns) {
        if (used.has(col)) continue
        const rank = NORMALIZED_NAMES[f].findIndex((name) => match(col, name))
        if (rank >= 0 && (!best || rank < best.rank)) best = { col, rank }
      }
      if (best) {
        map[f] = best.col
        used.add(best.col)
      }
    }
  }
  pick((col, name) => normalizeKey(col) === name)
  pick((col, name) => keyWords(col).includes(name))
  return map
}

// ---------------------------------------------------------------- JSON

const ARRAY_KEYS = ['articles', 'data', 'items', 'records', 'results', 'docs', 'documents', 'news', 'posts', 'entries', 'rows', 'hits', 'أخبار', 'الأخبار', 'مقالات']

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
const isObjectArray = (v: unknown): v is unknown[] => Array.isArray(v) && v.length > 0 && v.some(isObject)

/** Flatten nested objects to dotted keys (two levels), keeping arrays and scalars as they are. */
function flatten(o: Record<string, unknown>, prefix = '', depth = 0, out: Row = new Map()): Row {
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (isObject(v) && depth < 2) {
      // `author: {name: …}` stays readable as `author` too (other records may have a plain string there).
      if ('name' in v || 'text' in v || '@value' in v || 'value' in v) out.set(key, v)
      flatten(v, key, depth + 1, out)
    } else out.set(key, v)
  }
  return out
}

/** Where the articles are in a parsed JSON document. */
function findRecords(data: unknown): unknown[] {
  if (Array.isArray(data)) return data
  if (!isObject(data)) throw new ParseError('This JSON file holds a single value, not articles.')
  const search = (o: Record<string, unknown>, depth: number): unknown[] | null => {
    const arrays = Object.entries(o).filter(([, v]) => isObjectArray(v)) as [string, unknown[]][]
    const known = arrays.find(([k]) => ARRAY_KEYS.includes(k.toLowerCase()))
    if (known) return known[1]
    if (arrays.length) return arrays.reduce((a, b) => (b[1].length > a[1].length ? b : a))[1]
    if (depth < 2) {
      for (const v of Object.values(o)) {
        if (isObject(v)) {
          const found = search(v, depth + 1)
          if (found) return found
        }
      }
    }
    return null
  }
  const hasArticleFields = (keys: string[]) => {
    const m = suggestFieldMap(keys)
    return !!(m.title || m.body)
  }
  const inner = search(data, 0)
  if (inner && hasArticleFields(columnsOf(inner.slice(0, 50).filter(isObject).map((o) => flatten(o))))) return inner
  // A single article object: it has its own title or text.
  if (hasArticleFields([...flatten(data).keys()])) return [data]
  if (inner) return inner
  throw new ParseError('No list of articles was found in this JSON file.')
}

function fromObjects(items: unknown[], numbers: number[], problems: ParseProblem[]): Records {
  const rows: Row[] = []
  const nums: number[] = []
  items.forEach((item, i) => {
    if (isObject(item)) {
      rows.push(flatten(item))
      nums.push(numbers[i]!)
    } else problems.push({ record: numbers[i]!, reason: 'This record is not an object with named fields; it was skipped.' })
  })
  return { columns: columnsOf(rows), rows, numbers: nums, problems }
}

function columnsOf(rows: Row[]): string[] {
  const seen = new Set<string>()
  for (const r of rows.slice(0, 1000)) for (const k of r.keys()) seen.add(k)
  return [...seen]
}

function readJson(text: string): Records {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''))
  } catch (e) {
    throw new ParseError(`This JSON file is not valid JSON (${e instanceof Error ? e.message : 'syntax error'}).`)
  }
  const items = findRecords(data)
  return fromObjects(items, items.map((_, i) => i + 1), [])
}

function readJsonl(text: string): Records {
  const problems: ParseProblem[] = []
  const items: unknown[] = []
  const numbers: number[] = []
  let bad = 0
  const lines = text.replace(/^\ufeff/, '').split('\n')
  lines.forEach((line, i) => {
    const t = line.trim()
    if (!t) return
    try {
      items.push(JSON.parse(t))
      numbers.push(i + 1)
    } catch {
      bad++
      problems.push({ record: i + 1, reason: 'This line is not valid JSON; it was skipped.' })
    }
  })
  if (items.length === 0) throw new ParseError(bad ? 'No line of this JSON Lines file is valid JSON.' : 'This JSON Lines file is empty.')
  return fromObjects(items, numbers, problems)
}

// ---------------------------------------------------------------- CSV / TSV

/** RFC 4180: quoted fields may hold the delimiter, newlines and doubled quotes. Lenient with stray quotes. */
export function parseDelimited(text: string, delim: string): { rows: string[][]; unterminated: boolean } {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const n = text.length
  let unterminated = false
  const endRow = () => {
    row.push(field)
    field = ''
    if (row.length > 1 || row[0] !== '') rows.push(row)
    row = []
  }
  while (i < n) {
    const c = text[i]!
    if (c === '"' && field === '') {
      // Quoted field.
      i++
      let closed = false
      while (i < n) {
        const q = text.indexOf('"', i)
        if (q < 0) {
          field += text.slice(i)
          i = n
          break
        }
        field += text.slice(i, q)
        if (text[q + 1] === '"') {
          field += '"'
          i = q + 2
        } else {
          i = q + 1
          closed = true
          break
        }
      }
      if (!closed) unterminated = true
      // Anything up to the next delimiter after the closing quote is kept as it is.
      while (i < n && text[i] !== delim && text[i] !== '\n' && text[i] !== '\r') field += text[i++]
      continue
    }
    if (c === delim) {
      row.push(field)
      field = ''
      i++
    } else if (c === '\n' || c === '\r') {
      endRow()
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
    } else {
      const next = nextSpecial(text, i, delim)
      field += text.slice(i, next)
      i = next
    }
  }
  if (field !== '' || row.length) endRow()
  return { rows, unterminated }
}

function nextSpecial(text: string, from: number, delim: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i]
    if (c === delim || c === '\n' || c === '\r' || c === '"') return i === from ? i + 1 : i
  }
  return text.length
}

/** The delimiter of a CSV file: the one that splits the header line most evenly with the next lines. */
function sniffDelimiter(text: string): string {
  const head = text.slice(0, 20_000)
  let best = ','
  let bestScore = 0
  for (const d of [',', ';', '\t', '|']) {
    const { rows } = parseDelimited(head, d)
    const first = rows[0]?.length ?? 0
    if (first < 2) continue
    const consistent = rows.slice(1, 20).filter((r) => r.length === first).length
    const score = first * 2 + consistent * 10
    if (score > bestScore) {
      best = d
      bestScore = score
    }
  }
  return best
}

function readDelimited(text: string, delim: string): Records {
  const problems: ParseProblem[] = []
  const { rows: table, unterminated } = parseDelimited(text, delim)
  if (table.length === 0) throw new ParseError('This file is empty.')
  const header = table[0]!.map((h, i) => cleanLine(h) || `column ${i + 1}`)
  const seen = new Map<string, number>()
  const columns = header.map((h) => {
    const k = (seen.get(h) ?? 0) + 1
    seen.set(h, k)
    return k > 1 ? `${h} (${k})` : h
  })
  if (columns.length < 2 && table.length > 1) throw new ParseError('No columns were found in this file: the first line should name the columns, separated by commas (or tabs).')
  if (unterminated) problems.push({ reason: 'A quoted field is not closed; the end of the file may be cut.' })
  const rows: Row[] = []
  const numbers: number[] = []
  table.slice(1).forEach((cells, i) => {
    if (cells.length !== columns.length) problems.push({ record: i + 1, reason: `This row has ${cells.length} fields where the header has ${columns.length}.` })
    rows.push(new Map(columns.map((c, k) => [c, cells[k] ?? ''])))
    numbers.push(i + 1)
  })
  return { columns, rows, numbers, problems }
}

// ---------------------------------------------------------------- records to articles

export function readRecords(format: RecordFormat, text: string): Records {
  switch (format) {
    case 'json':
      return readJson(text)
    case 'jsonl':
      return readJsonl(text)
    case 'tsv':
      return readDelimited(text, '\t')
    case 'csv':
      return readDelimited(text, sniffDelimiter(text))
  }
}

/** A value as display text: arrays joined, `{name}` objects by name. */
export function valueText(v: unknown, sep = ', '): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (Array.isArray(v)) return v.map((x) => valueText(x, sep)).filter(Boolean).join(sep)
  if (isObject(v)) return valueText(v.name ?? v.text ?? v['@value'] ?? v.value ?? '', sep)
  return ''
}

/** The caller's mapping where it names a column of this file, the suggestion elsewhere. */
function resolveMap(columns: string[], given: FieldMap | undefined, problems: ParseProblem[]): FieldMap {
  const suggested = suggestFieldMap(columns)
  if (!given) return suggested
  const map: FieldMap = {}
  const chosen = new Set(Object.values(given).filter((v): v is string => !!v))
  for (const f of FIELDS) {
    const g = given[f]
    if (g === '') continue
    if (g !== undefined) {
      if (columns.includes(g)) map[f] = g
      else {
        problems.push({ reason: `The column "${g}" chosen for the ${f} is not in this file; it was detected automatically instead.` })
        if (suggested[f] && !chosen.has(suggested[f])) map[f] = suggested[f]
      }
    } else if (suggested[f] && !chosen.has(suggested[f])) map[f] = suggested[f]
  }
  return map
}

export function parseRecords(format: RecordFormat, text: string, given?: FieldMap): { articles: ParsedArticle[]; problems: ParseProblem[]; fieldMap: FieldMap } {
  const recs = readRecords(format, text)
  if (recs.rows.length === 0) throw new ParseError('No records with named fields were found in this file.')
  const problems = recs.problems
  const map = resolveMap(recs.columns, given, problems)
  if (!map.title && !map.body) {
    const cols = recs.columns.slice(0, 12).join(', ')
    throw new ParseError(`Could not tell which field holds the article text or title${cols ? ` (fields: ${cols})` : ''}. Choose the fields by hand.`)
  }
  if (!map.title) problems.push({ reason: 'No title field was found; titles were made from the first sentence of each article.' })
  if (!map.body) problems.push({ reason: 'No text field was found; only titles were imported.' })

  const articles: ParsedArticle[] = []
  recs.rows.forEach((row, i) => {
    const get = (f: Field) => (map[f] ? row.get(map[f]!) : undefined)
    const bodyValue = get('body')
    const paragraphs = Array.isArray(bodyValue) ? bodyValue.flatMap((p) => splitBody(valueText(p, '\n'))) : splitBody(valueText(bodyValue, '\n'))
    const dateValue = get('date')
    const article = finishArticle(
      {
        title: valueText(get('title'), ' '),
        paragraphs,
        date: typeof dateValue === 'number' ? String(dateValue) : valueText(dateValue),
        source: valueText(get('source')),
        author: valueText(get('author'), '، '),
        url: valueText(get('url')),
      },
      problems,
      { record: recs.numbers[i], reportMissingTitle: !!map.title },
    )
    if (article) articles.push(article)
  })
  return { articles, problems, fieldMap: map }
}

export function previewFromRecords(format: RecordFormat, text: string, n: number): { columns: string[]; rows: Record<string, string>[]; suggested: FieldMap } {
  const recs = readRecords(format, text)
  const rows = recs.rows.slice(0, Math.max(0, n)).map((r) => Object.fromEntries(recs.columns.map((c) => [c, valueText(r.get(c))])))
  return { columns: recs.columns, rows, suggested: suggestFieldMap(recs.columns) }
}
