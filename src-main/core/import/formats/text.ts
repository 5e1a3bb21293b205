// Plain text and Markdown: one article per file. Recognises a first-line title, a date line,
// `key: value` metadata lines at the top or bottom (الكاتب، المصدر، التاريخ …), YAML front matter,
// and Markdown syntax, which is reduced to plain text.
import type { ParsedArticle } from '../../model'
import { dateLine, parseDate, type ParsedDate } from './dates'
import { cleanLine, finishArticle, type ParseProblem } from './shared'

type MetaKey = 'title' | 'date' | 'author' | 'source' | 'url' | 'tags'

const META_KEYS: Record<string, MetaKey> = {
  title: 'title',
  headline: 'title',
  'العنوان': 'title',
  'عنوان': 'title',
  date: 'date',
  published: 'date',
  'التاريخ': 'date',
  'تاريخ': 'date',
  'تاريخ النشر': 'date',
  author: 'author',
  by: 'author',
  byline: 'author',
  writer: 'author',
  'الكاتب': 'author',
  'كاتب': 'author',
  'بقلم': 'author',
  'الكاتبة': 'author',
  'المؤلف': 'author',
  'إعداد': 'author',
  source: 'source',
  outlet: 'source',
  publisher: 'source',
  'المصدر': 'source',
  'مصدر': 'source',
  'الصحيفة': 'source',
  url: 'url',
  link: 'url',
  'الرابط': 'url',
  'رابط': 'url',
  tags: 'tags',
  keywords: 'tags',
  categories: 'tags',
  category: 'tags',
  'الوسوم': 'tags',
  'التصنيف': 'tags',
  'كلمات مفتاحية': 'tags',
}

type Meta = Partial<Record<MetaKey, string>>

const META_LINE = /^\s*([\p{L} ]{2,20}?)\s*[:：]\s*(.*?)\s*$/u

/** `الكاتب: فلان` → ['author', 'فلان'] for known keys with a short value; `title` only where allowed. */
function metaLine(line: string, allowTitle: boolean): [MetaKey, string] | null {
  if (line.length > 250) return null
  const m = META_LINE.exec(line)
  if (!m) return null
  const key = META_KEYS[m[1]!.toLowerCase().replace(/\s+/g, ' ')]
  const value = m[2]!.replace(/\.{2,}$|…$/u, '').trim()
  if (!key || !value || (key === 'title' && !allowTitle)) return null
  if (key !== 'title' && key !== 'tags' && value.length > 150) return null
  return [key, value]
}

function unquote(v: string): string {
  const t = v.trim()
  return /^(["']).*\1$/.test(t) ? t.slice(1, -1) : t
}

/** Simple YAML front matter: `key: value`, `tags: [a, b]` or `tags:` followed by `- a` lines. */
function frontMatter(lines: string[]): { meta: Meta; tags: string[]; end: number } | null {
  if (lines[0]?.trim() !== '---') return null
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l))
  if (end < 0 || end > 200) return null
  const meta: Meta = {}
  const tags: string[] = []
  let inTags = false
  for (const line of lines.slice(1, end)) {
    const item = /^\s*-\s+(.*)$/.exec(line)
    if (item && inTags) {
      tags.push(unquote(item[1]!))
      continue
    }
    inTags = false
    const m = /^\s*([^:#]+?)\s*:\s*(.*)$/u.exec(line)
    if (!m) continue
    const key = META_KEYS[m[1]!.toLowerCase()]
    if (!key) continue
    const value = m[2]!.trim()
    if (key === 'tags') {
      if (!value) inTags = true
      else tags.push(...value.replace(/^\[|\]$/g, '').split(/[,،]/).map(unquote))
    } else if (value) meta[key] = unquote(value)
  }
  return { meta, tags, end }
}

// ---------------------------------------------------------------- Markdown to plain text

/** Inline Markdown to plain text: links, images, emphasis, code, HTML tags. */
export function stripInlineMarkdown(s: string): string {
  // Spans are bounded ({0,300}) so that unclosed markers cost linear time, not quadratic.
  return s
    .replace(/!\[([^\]\n]{0,300})\]\([^)\n]{0,500}\)/g, '$1')
    .replace(/\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)/g, '$1')
    .replace(/\[([^\]\n]{1,300})\]\[[^\]\n]{0,100}\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]{1,500})>/g, '$1')
    .replace(/<\/?[a-zA-Z][^<>\n]{0,200}>/g, '')
    .replace(/`([^`\n]{1,300})`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]{0,300}?\S)\1/g, '$2')
    // `*` may emphasise inside a word (و*مائل*), `_` may not (snake_case).
    .replace(/(?<!\*)\*(?=[^\s*])([^\n*]{0,300}?[^\s*])\*(?!\*)/gu, '$1')
    .replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])([^\n_]{0,300}?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1')
    .replace(/~~(?=\S)([^\n]{0,300}?\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
}

/** The text of an ATX heading (`## Title ##`) of at most `maxLevel`, or null. No regex backtracking on long lines. */
function atxHeading(line: string, maxLevel: number): string | null {
  const m = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(line)
  if (!m || m[1]!.length > maxLevel) return null
  let text = line.slice(m[0].length).trim()
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  if (end === 0 || /\s/.test(text[end - 1]!)) text = text.slice(0, end).trim()
  return text
}

/** Markdown block structure to paragraphs: headings, list items and quotes become their own paragraphs. */
function markdownParagraphs(lines: string[]): string[] {
  const out: string[] = []
  let buf: string[] = []
  let fence: string | null = null
  const flush = () => {
    const p = cleanLine(stripInlineMarkdown(buf.join(' ')))
    if (p) out.push(p)
    buf = []
  }
  for (const raw of lines) {
    const line = raw.trimEnd()
    const f = /^\s*(```|~~~)/.exec(line)
    if (f) {
      flush()
      fence = fence ? null : f[1]!
      continue
    }
    if (fence) {
      if (line.trim()) out.push(cleanLine(line))
      continue
    }
    if (!line.trim() || /^\s*([-*_])(\s*\1){2,}\s*$/.test(line) || /^\s*\[[^\]]+\]:\s*\S+/.test(line)) {
      flush()
      continue
    }
    if (/^\s*(=+|-+)\s*$/.test(line) && buf.length) {
      flush() // setext heading underline
      continue
    }
    const heading = atxHeading(line, 6)
    if (heading !== null) {
      flush()
      buf.push(heading)
      flush()
      continue
    }
    const item = /^\s*(?:[-*+]|(\d{1,3}[.)]))\s+(.*)$/.exec(line)
    if (item) {
      flush()
      buf.push(item[1] ? `${item[1]} ${item[2]}` : item[2]!)
      continue
    }
    const quote = /^\s*(?:>\s?)+(.*)$/.exec(line)
    if (quote) {
      buf.push(quote[1]!)
      continue
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flush()
      if (!/^\s*\|[\s:|-]+\|\s*$/.test(line)) buf.push(line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).join(' | '))
      flush()
      continue
    }
    buf.push(line)
  }
  flush()
  return out
}

// ---------------------------------------------------------------- the article

const TITLE_MAX_CHARS = 200
const TITLE_MAX_WORDS = 30

function titleCandidate(line: string): boolean {
  const t = line.trim()
  if (!t || t.length > TITLE_MAX_CHARS || t.split(/\s+/).length > TITLE_MAX_WORDS) return false
  // A sentence ends with a full stop; a headline does not (an ellipsis is fine).
  return !/[.،,:;؛]$/u.test(t) || /(\.\.\.|…)$/u.test(t)
}

const isBlank = (l: string | undefined) => l === undefined || !l.trim()

/** Parse one plain-text or Markdown article. */
export function parseText(input: string, markdown: boolean): { articles: ParsedArticle[]; problems: ParseProblem[] } {
  const problems: ParseProblem[] = []
  let lines = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n')
  const meta: Meta = {}
  let tags: string[] = []
  let date: ParsedDate | null = null

  const fm = frontMatter(lines)
  if (fm) {
    Object.assign(meta, fm.meta)
    tags = fm.tags
    lines = lines.slice(fm.end + 1)
  }

  let i = 0
  const skipBlank = () => {
    while (i < lines.length && isBlank(lines[i])) i++
  }
  const takeMeta = (allowTitle: boolean): boolean => {
    const kv = metaLine(lines[i] ?? '', allowTitle)
    if (!kv) return false
    if (kv[0] === 'tags') tags.push(...kv[1].split(/[,،]/))
    else meta[kv[0]] ??= kv[1]
    i++
    return true
  }
  const takeDate = (): boolean => {
    const d = dateLine(lines[i] ?? '')
    if (!d) return false
    date ??= d
    i++
    return true
  }

  // Header: metadata lines, then a title line, then date / metadata lines.
  skipBlank()
  for (let guard = 0; guard < 8 && i < lines.length && (takeMeta(true) || (meta.title !== undefined && takeDate())); guard++) skipBlank()
  if (meta.title === undefined && i < lines.length) {
    const line = lines[i]!
    const md = markdown ? atxHeading(line, 2) : null
    const setext = markdown && /^\s*(=+|-+)\s*$/.test(lines[i + 1] ?? '') && line.trim() !== ''
    const next = lines[i + 1]
    if (md) {
      meta.title = stripInlineMarkdown(md)
      i++
    } else if (setext) {
      meta.title = stripInlineMarkdown(line.trim())
      i += 2
    } else if (!dateLine(line) && titleCandidate(line) && (isBlank(next) || dateLine(next!) !== null || metaLine(next!, false) !== null) && i + 1 < lines.length) {
      meta.title = markdown ? stripInlineMarkdown(line.trim()) : line.trim()
      i++
    }
  }
  for (let guard = 0; guard < 6 && i < lines.length; guard++) {
    const before = i
    skipBlank()
    if (!takeDate() && !takeMeta(false)) {
      i = before
      break
    }
  }

  // Trailer: metadata lines at the end (الكاتب: …، المصدر: …).
  let end = lines.length
  for (let guard = 0; guard < 6; guard++) {
    while (end > i && isBlank(lines[end - 1])) end--
    if (end <= i) break
    const kv = metaLine(lines[end - 1]!, false)
    if (!kv) break
    if (kv[0] === 'tags') tags.push(...kv[1].split(/[,،]/))
    else meta[kv[0]] ??= kv[1]
    end--
  }

  const body = lines.slice(i, end)
  let paragraphs: string[]
  if (markdown) paragraphs = markdownParagraphs(body)
  else {
    const hasBlank = body.some((l, k) => isBlank(l) && k > 0 && k < body.length - 1)
    paragraphs = hasBlank ? body.join('\n').split(/\n(?:[ \t\u00a0]*\n)+/).map(cleanLine) : body.map(cleanLine)
  }

  // An explicit `date:` / `التاريخ:` wins over a bare date line; unreadable, it is reported.
  const explicit = meta.date ? parseDate(meta.date) : null
  const parsedDate = explicit ?? date
  const article = finishArticle(
    {
      title: meta.title ?? null,
      paragraphs,
      parsedDate,
      date: parsedDate ? null : (meta.date ?? null),
      author: meta.author,
      source: meta.source,
      url: meta.url,
      tags,
    },
    problems,
  )
  return { articles: article ? [article] : [], problems }
}
