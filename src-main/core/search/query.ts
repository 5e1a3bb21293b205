// The query language a researcher types, parsed into clauses the index can run:
//   words            all must match                 الحكومة الوزير
//   "exact phrase"   the words in this order         "وزير الخارجية"
//   -word, -"…"      must not match                  الفيضانات -السودان
//   a OR b           either (also `|`)               سيول OR فيضانات
//   prefix*          any word starting with it       مفاوض*
//   word~ / word~2   spelling-tolerant               الاتفاقيه~
//   title: source: author:   only in that field      title:المترو source:"الرصد اليومي"

export type Field = 'title' | 'source' | 'author'
export const FIELDS: readonly Field[] = ['title', 'source', 'author']

export type Atom =
  | { kind: 'term'; text: string; field?: Field; prefix?: boolean; fuzzy?: number }
  | { kind: 'phrase'; text: string; field?: Field }

/** A clause matches when any of its atoms does; a negated clause must not match. */
export interface Clause {
  atoms: Atom[]
  negated: boolean
}

export interface ParsedQuery {
  clauses: Clause[]
}

const MAX_QUERY_LENGTH = 1000
const MAX_FUZZY = 2

type Token = { type: 'atom'; atom: Atom; negated: boolean } | { type: 'or' }

export function parseQuery(input: string): ParsedQuery {
  const tokens = lex(input.slice(0, MAX_QUERY_LENGTH))
  const clauses: Clause[] = []
  let pendingOr = false
  for (const token of tokens) {
    if (token.type === 'or') {
      pendingOr = clauses.length > 0
      continue
    }
    const last = clauses.at(-1)
    // `a OR b` joins b to a's clause; a negated atom never joins an OR group.
    if (pendingOr && last && !last.negated && !token.negated) last.atoms.push(token.atom)
    else clauses.push({ atoms: [token.atom], negated: token.negated })
    pendingOr = false
  }
  return { clauses }
}

function lex(input: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < input.length) {
    const c = input[i]!
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '|') {
      tokens.push({ type: 'or' })
      i++
      continue
    }
    let negated = false
    if (c === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]!)) {
      negated = true
      i++
    }
    let field: Field | undefined
    const fieldMatch = /^(title|source|author|عنوان|مصدر|كاتب):/i.exec(input.slice(i))
    if (fieldMatch) {
      field = FIELD_ALIASES[fieldMatch[1]!.toLowerCase()]
      i += fieldMatch[0].length
    }
    const quote = QUOTES[input[i] ?? '']
    if (quote) {
      const end = input.indexOf(quote, i + 1)
      const text = input.slice(i + 1, end < 0 ? input.length : end).trim()
      i = end < 0 ? input.length : end + 1
      if (text) tokens.push({ type: 'atom', negated, atom: { kind: 'phrase', text, ...(field && { field }) } })
      continue
    }
    let j = i
    while (j < input.length && !/\s/.test(input[j]!) && !QUOTES[input[j]!] && input[j] !== '|') j++
    const word = input.slice(i, j)
    i = j
    if (word === 'OR' && !negated && !field) {
      tokens.push({ type: 'or' })
      continue
    }
    const atom = termAtom(word, field)
    if (atom) tokens.push({ type: 'atom', negated, atom })
  }
  return tokens
}

const FIELD_ALIASES: Record<string, Field> = { title: 'title', source: 'source', author: 'author', عنوان: 'title', مصدر: 'source', كاتب: 'author' }
const QUOTES: Record<string, string> = { '"': '"', '«': '»', '“': '”', '”': '”' }

function termAtom(word: string, field: Field | undefined): Atom | null {
  const fuzzy = /~(\d?)$/.exec(word)
  if (fuzzy) {
    const text = word.slice(0, fuzzy.index)
    const distance = Math.min(MAX_FUZZY, Number(fuzzy[1] || 1))
    return text ? { kind: 'term', text, fuzzy: distance, ...(field && { field }) } : null
  }
  if (word.endsWith('*')) {
    const text = word.replace(/\*+$/, '')
    return text ? { kind: 'term', text, prefix: true, ...(field && { field }) } : null
  }
  return word ? { kind: 'term', text: word, ...(field && { field }) } : null
}

/** The query as a user would type it again: shown under the search box, used in saved searches. */
export function formatQuery(q: ParsedQuery): string {
  const atom = (a: Atom) => (a.field ? `${a.field}:` : '') + (a.kind === 'phrase' ? `"${a.text}"` : a.text + (a.prefix ? '*' : '') + (a.fuzzy ? `~${a.fuzzy === 1 ? '' : a.fuzzy}` : ''))
  return q.clauses.map((c) => (c.negated ? '-' : '') + c.atoms.map(atom).join(' OR ')).join(' ')
}

/** The words a query looks for (not those it excludes), prefixes marked with `*`: what to highlight. */
export function queryWords(input: string | ParsedQuery): string[] {
  const q = typeof input === 'string' ? parseQuery(input) : input
  const words = q.clauses
    .filter((c) => !c.negated)
    .flatMap((c) => c.atoms.flatMap((a) => (a.kind === 'term' && a.prefix ? [`${a.text}*`] : a.text.split(/\s+/))))
  return [...new Set(words)]
}
