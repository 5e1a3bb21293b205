// TREC / CLEF style `<DOC>` files, as in the ANT corpus: DOCNO, URL, SRC, CAT, TITLE, TIME, AUTHOR,
// ABSTRACT, TEXT (plus the HEADLINE / DATE / BODY spellings of other collections). One file may
// hold several documents.
import type { ParsedArticle } from '../../model'
import { parseDate } from './dates'
import { finishArticle, ParseError, splitBody, type ParseProblem } from './shared'

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : all
    }
    return ENTITIES[e.toLowerCase()] ?? all
  })
}

/** `<TAG …>value</TAG>` → value, first occurrence, tags inside removed; undefined when absent. */
function field(doc: string, lower: string, ...tags: string[]): string | undefined {
  for (const tag of tags) {
    const open = new RegExp(`<${tag}(?:\\s[^<>]{0,500})?>`, 'i').exec(doc)
    if (!open) continue
    const from = open.index + open[0].length
    const close = lower.indexOf(`</${tag.toLowerCase()}>`, from)
    const raw = doc.slice(from, close < 0 ? undefined : close)
    return unescapeXml(raw.replace(/<!\[CDATA\[|\]\]>/g, '').replace(/<\/?[a-z][^<>]{0,500}>/gi, ' '))
  }
  return undefined
}

const DOCNO_DATE = /(?:^|\D)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/

export function parseTrec(text: string): { articles: ParsedArticle[]; problems: ParseProblem[] } {
  const problems: ParseProblem[] = []
  const articles: ParsedArticle[] = []
  const docs: string[] = []
  const openRe = /<DOC>/gi
  const starts: number[] = []
  for (let m = openRe.exec(text); m; m = openRe.exec(text)) starts.push(m.index + m[0].length)
  if (starts.length === 0) throw new ParseError('No <DOC> element was found in this TREC file.')
  starts.forEach((from, k) => {
    const limit = k + 1 < starts.length ? starts[k + 1]! - 5 : text.length
    const close = text.slice(from, limit).search(/<\/DOC>/i)
    if (close < 0) problems.push({ record: k + 1, reason: 'This document has no closing </DOC>; it was read up to the next one.' })
    docs.push(text.slice(from, close < 0 ? limit : from + close))
  })

  docs.forEach((doc, k) => {
    const record = k + 1
    const lower = doc.replace(/[A-Z]+/g, (c) => c.toLowerCase()) // same length as doc, for indexOf
    const docno = field(doc, lower, 'DOCNO')?.trim()
    const body = field(doc, lower, 'TEXT', 'BODY')
    const abstract = field(doc, lower, 'ABSTRACT', 'LEADPARA', 'LP')
    let paragraphs = splitBody(body ?? '')
    if (paragraphs.length === 0) paragraphs = splitBody(abstract ?? '')
    const time = field(doc, lower, 'TIME', 'DATE', 'DATE_TIME', 'PUBDATE')?.trim()
    let parsedDate = time ? parseDate(time) : null
    if (!parsedDate && docno) {
      // ANT's DOCNO ends with the publication day: JA-economy-32-20170125.
      const m = DOCNO_DATE.exec(docno)
      if (m) parsedDate = parseDate(`${m[1]}-${m[2]}-${m[3]}`)
    }
    const cat = field(doc, lower, 'CAT', 'CATEGORY')?.trim()
    const article = finishArticle(
      {
        title: field(doc, lower, 'TITLE', 'HEADLINE', 'HL', 'HEAD'),
        paragraphs,
        parsedDate,
        date: parsedDate ? null : time,
        source: field(doc, lower, 'SRC', 'SOURCE'),
        author: field(doc, lower, 'AUTHOR', 'BYLINE'),
        url: field(doc, lower, 'URL'),
        tags: cat ? cat.split(/[,،;]/) : [],
      },
      problems,
      { record, reportMissingTitle: true },
    )
    if (article) articles.push(article)
  })
  return { articles, problems }
}
