// Saved web pages: the main text via Mozilla Readability over a linkedom DOM, the metadata from
// JSON-LD (NewsArticle …) and meta tags. Text only: paragraphs are read from the block elements of
// the extracted content, scripts and styles are never read.
import { createRequire } from 'node:module'
import type { ParsedArticle } from '../../model'
import { dateLine, parseDate, type ParsedDate } from './dates'
import { cleanLine, finishArticle, ParseError, type ParseProblem } from './shared'

// linkedom takes ~200 ms to load: loaded when the first web page is parsed, so that the threads of
// an import of other files (and the CLI's other commands) start without it.
const require = createRequire(import.meta.url)
let domTools: { parseHTML: typeof import('linkedom').parseHTML; Readability: typeof import('@mozilla/readability').Readability } | null = null
const htmlTools = () =>
  (domTools ??= {
    parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
  })

// The few DOM members used here (the project is compiled without the DOM lib).
interface DomNode {
  nodeType: number
  nodeName: string
  childNodes: ArrayLike<DomNode>
  textContent: string | null
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
  querySelector(selector: string): DomElement | null
  remove(): void
}
interface DomDocument {
  documentElement: DomElement | null
  body: DomElement | null
  title: string
  querySelectorAll(selector: string): ArrayLike<DomElement>
  querySelector(selector: string): DomElement | null
}

const ELEMENT = 1
const TEXT = 3

// Block elements: each starts a new paragraph.
const BLOCK = new Set(
  'P DIV H1 H2 H3 H4 H5 H6 LI UL OL DL DT DD BLOCKQUOTE PRE TABLE THEAD TBODY TFOOT TR TD TH CAPTION SECTION ARTICLE MAIN HEADER FOOTER ASIDE NAV FIGURE FIGCAPTION ADDRESS CENTER FORM FIELDSET DETAILS SUMMARY HR BR'.split(' '),
)
// Never read: code, styles, embedded objects and form controls.
const SKIP = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG MATH IFRAME OBJECT EMBED CANVAS VIDEO AUDIO MAP BUTTON SELECT OPTION TEXTAREA INPUT HEAD TITLE META LINK'.split(' '))
// Page furniture dropped when there is no article container to extract from.
const FURNITURE = 'nav, header, footer, aside, form, menu, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]'

interface Block {
  text: string
  /** The innermost block element the text was in (`P`, `H1`, `LI` …). */
  tag: string
}

/** Text of block elements, one paragraph each; inline elements join their text. Iterative (deep pages). */
export function blocks(root: DomNode): Block[] {
  const out: Block[] = []
  const open: string[] = ['']
  let buf = ''
  const flush = () => {
    const text = cleanLine(buf)
    if (text) out.push({ text, tag: open[open.length - 1]! })
    buf = ''
  }
  // Stack of nodes to visit; `null` marks the end of a block element.
  const stack: (DomNode | null)[] = [root]
  while (stack.length) {
    const n = stack.pop()
    if (n === null) {
      flush()
      open.pop()
      continue
    }
    if (!n) continue
    if (n.nodeType === TEXT) {
      buf += n.textContent ?? ''
      continue
    }
    if (n.nodeType !== ELEMENT && n !== root) continue
    const name = n.nodeName.toUpperCase()
    if (SKIP.has(name)) continue
    if (BLOCK.has(name)) {
      flush()
      open.push(name)
      stack.push(null)
    }
    const kids = n.childNodes
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
  }
  flush()
  return out
}

export const blockParagraphs = (root: DomNode): string[] => blocks(root).map((b) => b.text)

// ---------------------------------------------------------------- metadata

interface PageMeta {
  title?: string
  author?: string
  source?: string
  date?: string
  url?: string
  language?: string
  tags: string[]
}

const ARTICLE_TYPES = /^(News|Reportage|Analysis|Opinion|Review|Background|Satirical|Scholarly|Tech)?Article$|^BlogPosting$|^LiveBlogPosting$/

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x)
    return names.length ? names.join('، ') : undefined
  }
  if (v && typeof v === 'object' && 'name' in v) return nameOf((v as { name: unknown }).name)
  return undefined
}

/** The first NewsArticle-like object in the page's JSON-LD blocks. */
function jsonLdArticle(doc: DomDocument): Record<string, unknown> | null {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]')
  for (let i = 0; i < scripts.length; i++) {
    let data: unknown
    try {
      data = JSON.parse(scripts[i]!.textContent ?? '')
    } catch {
      continue
    }
    const queue: unknown[] = [data]
    for (let k = 0; k < queue.length && k < 200; k++) {
      const item = queue[k]
      if (Array.isArray(item)) queue.push(...item)
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>
        const types = ([] as unknown[]).concat(o['@type'] ?? [])
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) return o
        if (o['@graph']) queue.push(o['@graph'])
      }
    }
  }
  return null
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)
const isUrl = (s: string | undefined) => !!s && /^https?:\/\//i.test(s)

function pageMeta(doc: DomDocument): PageMeta {
  const metas = new Map<string, string[]>()
  const nodes = doc.querySelectorAll('meta')
  for (let i = 0; i < nodes.length; i++) {
    const m = nodes[i]!
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase()
    const content = m.getAttribute('content')?.trim()
    if (!key || !content) continue
    for (const k of key.split(/\s+/)) {
      const list = metas.get(k)
      if (list) list.push(content)
      else metas.set(k, [content])
    }
  }
  const meta = (...keys: string[]) => {
    for (const k of keys) {
      const v = metas.get(k)?.[0]
      if (v) return v
    }
    return undefined
  }
  const ld = jsonLdArticle(doc)
  const ldAuthor = ld ? nameOf(ld.author) : undefined
  const ldPublisher = ld ? nameOf(ld.publisher) : undefined
  const ldKeywords = ld?.keywords
  const metaAuthor = meta('author', 'article:author', 'dc.creator', 'dcterms.creator', 'byl', 'sailthru.author', 'parsely-author', 'twitter:creator')
  const timeEl = doc.querySelector('time[itemprop="datePublished"], time[pubdate]')
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined
  const mainEntity = ld?.mainEntityOfPage
  const ldUrl = str(ld?.url) ?? str(mainEntity) ?? (mainEntity && typeof mainEntity === 'object' ? str((mainEntity as Record<string, unknown>)['@id']) : undefined)
  const lang = doc.documentElement?.getAttribute('lang') ?? str(ld?.inLanguage) ?? meta('og:locale', 'language', 'content-language')
  const tags = [
    ...(metas.get('article:tag') ?? []),
    ...(Array.isArray(ldKeywords) ? ldKeywords.filter((k): k is string => typeof k === 'string') : typeof ldKeywords === 'string' ? ldKeywords.split(/[,،]/) : []),
  ]
  return {
    title: str(ld?.headline) ?? meta('og:title', 'twitter:title', 'dc.title', 'headline', 'title'),
    author: ldAuthor ?? (isUrl(metaAuthor) || metaAuthor?.startsWith('@') ? undefined : metaAuthor),
    source: ldPublisher ?? meta('og:site_name', 'application-name', 'publisher', 'dc.publisher', 'twitter:site')?.replace(/^@/, ''),
    date:
      str(ld?.datePublished) ??
      meta('article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'original-publish-date') ??
      timeEl?.getAttribute('datetime') ??
      str(timeEl?.textContent) ??
      str(ld?.dateCreated),
    url: (isUrl(canonical) ? canonical : undefined) ?? meta('og:url') ?? ldUrl,
    language: lang && /^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(lang.trim()) ? lang.trim().replace('_', '-') : undefined,
    tags,
  }
}

// ---------------------------------------------------------------- the article

const same = (a: string, b: string) => cleanLine(a).replace(/[\s"'«»“”]/g, '') === cleanLine(b).replace(/[\s"'«»“”]/g, '')

function cleanAuthor(s: string | null | undefined): string | undefined {
  const t = cleanLine(s)
    .replace(/^(by|par|بقلم|كتب|كتبت|الكاتب|إعداد)\s*[:：-]?\s*/iu, '')
    .trim()
  return t && t.length <= 100 ? t : undefined
}

// linkedom's parser slows down with the square of the nesting depth (7 s at 100,000 levels).
const MAX_SOURCE_DEPTH = 5000
const VOID = new Set('area base br col embed hr img input link meta param source track wbr p li td th tr dt dd option'.split(' '))

/** Nesting depth of the markup, estimated from its tags (elements that close themselves or implicitly are not counted). */
export function sourceDepth(html: string, limit = MAX_SOURCE_DEPTH): number {
  const re = /<(\/?)([a-zA-Z][\w-]{0,30})[^<>]{0,2000}?(\/?)>/g
  let depth = 0
  let max = 0
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const name = m[2]!.toLowerCase()
    if (VOID.has(name) || m[3]) continue
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1
    if (depth > max && (max = depth) > limit) break
  }
  return max
}

function loadDocument(html: string): DomDocument {
  if (sourceDepth(html) > MAX_SOURCE_DEPTH) throw new ParseError('This web page is nested too deeply to be read.')
  // linkedom does not build the implied <html>/<body> of a fragment (its first element becomes
  // the document element and the text is lost): give such pages a skeleton.
  const whole = /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html)
  const source = whole ? html : `<!DOCTYPE html><html><head></head><body>${html.replace(/<!doctype[^<>]{0,200}>|<\/?(?:html|head|body)(?:\s[^<>]{0,2000})?>/gi, '')}</body></html>`
  try {
    const { document } = htmlTools().parseHTML(source) as unknown as { document: DomDocument }
    if (!document?.documentElement) throw new Error('no document element')
    return document
  } catch (e) {
    throw new ParseError(`This web page could not be read (${e instanceof Error ? e.message : String(e)}).`)
  }
}

// Readability slows down sharply on deep nesting (seconds at depth 1000) and on huge pages; real
// article pages stay far below these limits, and beyond them the plain page text is used instead.
const MAX_DEPTH = 160
const MAX_ELEMENTS = 40_000

/** Deepest element nesting and element count, stopping early once a limit is passed. */
function measure(root: DomNode): { depth: number; elements: number } {
  let depth = 0
  let elements = 0
  const stack: [DomNode, number][] = [[root, 0]]
  while (stack.length) {
    const [n, d] = stack.pop()!
    if (n.nodeType !== ELEMENT) continue
    elements++
    if (d > depth) depth = d
    if (depth > MAX_DEPTH || elements > MAX_ELEMENTS) break
    const kids = n.childNodes
    for (let i = 0; i < kids.length; i++) stack.push([kids[i]!, d + 1])
  }
  return { depth, elements }
}

/** The main text by Readability, or null when it finds none (or fails on odd markup). */
function readable(doc: DomDocument): { paragraphs: Block[]; title?: string; byline?: string; siteName?: string; published?: string; lang?: string } | null {
  if (!doc.documentElement) return null
  const size = measure(doc.documentElement)
  if (size.depth > MAX_DEPTH || size.elements > MAX_ELEMENTS) return null
  try {
    const { Readability } = htmlTools()
    const r = new Readability<DomNode>(doc as never, { serializer: (el) => el as unknown as DomNode }).parse()
    if (!r?.content) return null
    const paragraphs = blocks(r.content)
    if (!paragraphs.length) return null
    return { paragraphs, title: r.title ?? undefined, byline: r.byline ?? undefined, siteName: r.siteName ?? undefined, published: r.publishedTime ?? undefined, lang: r.lang ?? undefined }
  } catch {
    return null
  }
}

/** The visible text of the page without its navigation, header and footer. */
function fallbackText(html: string): Block[] {
  const doc = loadDocument(html)
  const body = doc.body ?? doc.documentElement
  if (!body) return []
  const furniture = body.querySelectorAll(FURNITURE)
  for (let i = furniture.length - 1; i >= 0; i--) furniture[i]!.remove()
  return blocks(body)
}

export function parseHtml(html: string): { articles: ParsedArticle[]; problems: ParseProblem[] } {
  const problems: ParseProblem[] = []
  const doc = loadDocument(html)
  const meta = pageMeta(doc)
  const docTitle = cleanLine(doc.title) || cleanLine(doc.querySelector('title')?.textContent)
  const h1 = cleanLine(doc.querySelector('h1')?.textContent)
  const r = readable(doc) // mutates doc: read the metadata first
  const paragraphs = r?.paragraphs ?? fallbackText(html)

  const title = cleanLine(meta.title) || cleanLine(r?.title) || docTitle || h1
  // The headline and a date line often open the extracted text: they are not body paragraphs.
  let leadDate: ParsedDate | null = null
  const headlines = [title, docTitle, h1].filter(Boolean)
  let skip = 0
  for (; skip < 4 && skip < paragraphs.length - 1; skip++) {
    const { text, tag } = paragraphs[skip]!
    if (tag === 'H1' || headlines.some((h) => same(text, h))) continue
    const d = text.length <= 100 ? dateLine(text) : null
    if (!d) break
    leadDate ??= d
  }

  const rawDate = meta.date ?? r?.published
  const parsedDate = (rawDate ? parseDate(rawDate) : null) ?? leadDate
  const article = finishArticle(
    {
      title,
      paragraphs: paragraphs.slice(skip).map((b) => b.text),
      parsedDate,
      date: parsedDate ? null : rawDate,
      author: cleanAuthor(meta.author) ?? cleanAuthor(r?.byline),
      source: meta.source ?? r?.siteName,
      url: meta.url,
      language: meta.language ?? (r?.lang && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(r.lang) ? r.lang : undefined),
      tags: meta.tags,
    },
    problems,
    { reportMissingTitle: true },
  )
  return { articles: article ? [article] : [], problems }
}
