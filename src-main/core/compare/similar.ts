// "More like this": the articles of the archive most like one article. The article's most telling
// index terms (frequent in it and in its title, rare in the archive) go to the search index as one
// OR query, whose BM25 ranking brings the candidates; the candidates are then rescored
// on their text: how many of the shorter one's word triples the other carries (text reuse) and how
// close their term vectors are (same story told in other words).
import type { Archive } from '../archive/archive'
import { analyze, forEachWord, normalize } from '../arabic'
import { AppError } from '../errors'
import type { Article } from '../model'
import { articleSummary } from './compare'
import type { SimilarArticle, SimilarArticles } from './types'

/** Terms in the "more like this" query. */
const QUERY_TERMS = 10
/** Candidates rescored on their text. */
const CANDIDATES = 20
/** Above this share of word triples in common, two articles are near-duplicates. */
export const NEAR_DUPLICATE_CONTAINMENT = 0.9

/** Finds candidate article ids for a query in the query language (best first). */
export type CandidateSearch = (query: string, limit: number) => Promise<number[]>

interface Profile {
  /** Analyzed term → count. */
  terms: Map<string, number>
  norm: number
  /** Word triples (normalized words). */
  triples: Set<string>
}

function profileOf(article: Pick<Article, 'title' | 'paragraphs'>): Profile {
  const terms = new Map<string, number>()
  for (const text of [article.title, ...article.paragraphs]) for (const { term } of analyze(text)) terms.set(term, (terms.get(term) ?? 0) + 1)
  let norm = 0
  for (const c of terms.values()) norm += c * c
  const triples = new Set<string>()
  for (const text of article.paragraphs) {
    const words: string[] = []
    forEachWord(text, (s, e) => void words.push(normalize(text.slice(s, e))))
    for (let i = 0; i + 3 <= words.length; i++) triples.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`)
  }
  return { terms, norm: Math.sqrt(norm), triples }
}

/**
 * How common each term is in the archive, estimated from an even sample of its articles (read once
 * per archive and again when it has grown by a fifth): enough to tell a telling word from one
 * every article uses, which keeps the query's posting lists short.
 */
interface TermRarity {
  articles: number
  sampled: number
  df: Map<string, number>
}
const SAMPLE = 800
const rarityByArchive = new WeakMap<Archive, TermRarity>()

function termRarity(archive: Archive): TermRarity {
  const articles = archive.articleCount()
  const known = rarityByArchive.get(archive)
  if (known && articles <= known.articles * 1.2 && articles >= known.articles * 0.8) return known
  const ids = archive.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[]
  const step = Math.max(1, ids.length / SAMPLE)
  const read = archive.db.prepare('SELECT title, body FROM articles WHERE id = ?')
  const df = new Map<string, number>()
  let sampled = 0
  for (let k = 0; k < ids.length; k += step) {
    const row = read.get(ids[Math.floor(k)]!) as { title: string; body: string } | undefined
    if (!row) continue
    sampled++
    for (const term of new Set(analyze(`${row.title}\n${row.body}`).map((t) => t.term))) df.set(term, (df.get(term) ?? 0) + 1)
  }
  const rarity = { articles, sampled, df }
  rarityByArchive.set(archive, rarity)
  return rarity
}

/** Above this share of articles a term tells nothing about a story (المملكة، اليوم …). */
const MAX_DOCUMENT_SHARE = 0.03

/**
 * The query: the article's most telling Arabic terms — frequent in it (title words count triple),
 * rare in the archive (tf·idf) — one written form each, joined by OR.
 */
export function moreLikeThisQuery(article: Pick<Article, 'title' | 'paragraphs'>, rarity?: TermRarity): string {
  const weight = new Map<string, { word: string; weight: number }>()
  const add = (text: string, w: number) => {
    for (const { term, start, end } of analyze(text)) {
      if (term.length < 3 || !/^[\u0621-\u064a]+$/.test(term)) continue
      const entry = weight.get(term)
      if (entry) entry.weight += w
      else weight.set(term, { word: normalize(text.slice(start, end)), weight: w })
    }
  }
  add(article.title, 3)
  for (const p of article.paragraphs) add(p, 1)
  const scored = [...weight].flatMap(([term, e]) => {
    if (!rarity?.sampled) return [{ ...e, score: e.weight }]
    const df = rarity.df.get(term) ?? 0
    const share = df / rarity.sampled
    // In a small archive every word is in a few per cent of it: only large counts rule a term out.
    if (share > MAX_DOCUMENT_SHARE && df > 20) return []
    return [{ ...e, score: e.weight * Math.log(1 / (share + 0.5 / rarity.sampled)) }]
  })
  return scored
    .sort((x, y) => y.score - x.score || y.word.length - x.word.length)
    .slice(0, QUERY_TERMS)
    .map((e) => e.word)
    .join(' OR ')
}

export interface SimilarityScore {
  score: number
  containment: number
}

export function similarity(x: Profile, y: Profile): SimilarityScore {
  let dot = 0
  const [small, large] = x.terms.size <= y.terms.size ? [x.terms, y.terms] : [y.terms, x.terms]
  for (const [t, c] of small) dot += c * (large.get(t) ?? 0)
  const cosine = x.norm && y.norm ? dot / (x.norm * y.norm) : 0
  const [fewer, more] = x.triples.size <= y.triples.size ? [x.triples, y.triples] : [y.triples, x.triples]
  let common = 0
  for (const t of fewer) if (more.has(t)) common++
  const containment = fewer.size ? common / fewer.size : 0
  return { score: Math.round((0.6 * containment + 0.4 * cosine) * 1000) / 1000, containment }
}

export async function findSimilar(archive: Archive, search: CandidateSearch, id: number, limit: number): Promise<SimilarArticles> {
  const started = performance.now()
  const article = archive.getArticle(id)
  if (!article) throw new AppError('not_found', `There is no article ${id} in this archive.`)
  const query = moreLikeThisQuery(article, termRarity(archive))
  const ids = query ? (await search(query, CANDIDATES + 1)).filter((c) => c !== id) : []
  const profile = profileOf(article)
  const items: SimilarArticle[] = []
  for (const candidateId of ids.slice(0, CANDIDATES)) {
    const candidate = archive.getArticle(candidateId)
    if (!candidate) continue // removed since the index saw it
    const { score, containment } = similarity(profile, profileOf(candidate))
    items.push({ article: articleSummary(candidate), score, nearDuplicate: containment >= NEAR_DUPLICATE_CONTAINMENT })
  }
  items.sort((x, y) => y.score - x.score)
  return { items: items.slice(0, limit), tookMs: Math.round((performance.now() - started) * 10) / 10 }
}
