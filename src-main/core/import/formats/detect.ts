// Which parser a file needs: by content first (a `.txt` may really be TREC, JSON or HTML), then by
// extension.
import type { FormatName } from './shared'

const BY_EXTENSION: Record<string, FormatName> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  trec: 'trec',
  sgml: 'trec',
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
}

const HEAD = 4096

/** Skip white space, a BOM and leading comments / XML declarations. */
function start(text: string): string {
  let s = text.slice(0, HEAD).replace(/^\ufeff/, '').trimStart()
  for (let i = 0; i < 5; i++) {
    const m = /^(?:<!--[\s\S]*?-->|<\?xml[^>]*\?>)\s*/.exec(s)
    if (!m) break
    s = s.slice(m[0].length)
  }
  return s
}

export function looksLikeTrec(text: string): boolean {
  const s = start(text)
  return /^<DOC>/i.test(s) && /<DOCNO>|<TEXT>|<TITLE>|<HEADLINE>/i.test(s)
}

export function looksLikeHtml(text: string): boolean {
  return /^<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]/i.test(start(text))
}

/** One JSON object on the first line and another object starting on the second. */
function looksLikeJsonLines(s: string): boolean {
  if (!s.startsWith('{')) return false
  const lines = s.slice(0, 1_000_000).split('\n', 3).map((l) => l.trim())
  return lines.length > 1 && lines[1]!.startsWith('{') && isJson(lines[0]!)
}

/** `json` when the whole text is one JSON value, `jsonl` when it is one JSON object per line. */
export function sniffJson(text: string): 'json' | 'jsonl' | null {
  const s = text.replace(/^\ufeff/, '').trim()
  if (!/^[[{]/.test(s)) return null
  if (looksLikeJsonLines(s)) return 'jsonl'
  if (isJson(s)) return 'json'
  // A broken JSON array or object is still meant as JSON; the parser says what is wrong.
  return /^\[\s*[{\]]|^\{\s*"/.test(s) ? 'json' : null
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s)
    return true
  } catch {
    return false
  }
}

/**
 * The format of a file from its name and decoded text, or null when it is none we read.
 * Files without an extension are read as plain text.
 */
export function detectFormat(fileName: string, text: string): FormatName | null {
  const ext = extensionOf(fileName)
  const byExt = BY_EXTENSION[ext]
  if (looksLikeTrec(text)) return 'trec'
  if (byExt === 'csv' || byExt === 'tsv') return byExt
  if (looksLikeHtml(text)) return byExt === 'markdown' ? 'markdown' : 'html'
  // By extension: only the JSON / JSON Lines confusion is checked (the parser reports bad JSON).
  if (byExt === 'jsonl') return /^\ufeff?\s*\[/.test(text) ? 'json' : 'jsonl'
  if (byExt === 'json') return looksLikeJsonLines(text.replace(/^\ufeff/, '').trim()) ? 'jsonl' : 'json'
  const json = sniffJson(text)
  if (json && (byExt === undefined || byExt === 'text')) return json
  if (byExt) return byExt
  if (ext === '' || ext === 'xml') return ext === 'xml' ? null : 'text'
  return null
}
