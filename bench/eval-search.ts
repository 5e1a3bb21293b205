// npm run eval:search — search quality, four ways, on two sets, in one process:
//   (a) Arshif: MiniSearch with our Arabic analysis and the product's query engine
//   (b) MiniSearch with its default tokenizer and no Arabic processing
//   (c) SQLite FTS5, unicode61 remove_diacritics 2, over the raw text
//   (d) SQLite FTS5 over the text as our analyzer outputs it (stems, stopwords dropped)
// Sets: ARCD + XQuAD (question → its paragraph; 705 paragraphs, 2,585 questions) and our own
// queries on SaudiNewsNet (bench/search-queries.json: each query with the articles that answer it,
// found by reading). Every system ranks with BM25 and the same policy: documents with all the
// words first, then documents with some of them (what the Search view shows). Questions are long,
// so on ARCD + XQuAD the "all words" part is mostly empty and the ranking is the any-word one.
// Reported: MRR@10, recall@10 (share of the relevant documents in the top 10) and success@10 (at
// least one in the top 10).
//   --only qa|news   one of the two sets
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import MiniSearch from 'minisearch'
import { analyze, tokenizeWords } from '../src-main/core/arabic'
import { bulkBuilder } from '../src-main/core/search/bulk-build'
import { createIndex, search, type SearchDocument } from '../src-main/core/search/engine'
import { loadSaudiNewsNet, requireCorpus } from './corpus'
import { loadQaSets, printTable } from './qa-sets'

const { values: args } = parseArgs({ options: { only: { type: 'string' } } })
requireCorpus()

interface Doc extends SearchDocument {
  /** What relevance judgments name: a paragraph number or an article's url. */
  key: string
}
interface Judged {
  q: string
  kind: string
  relevant: Set<string>
}
type Ranker = (q: string) => number[]
interface System {
  name: string
  rank: Ranker
}

const K = 10

// ── the four systems over one set of documents ──

function arshif(docs: Doc[]): System {
  const index = createIndex()
  const builder = bulkBuilder(index)
  builder.add(docs)
  builder.flush()
  const byId = new Map(docs.map((d) => [d.id, d]))
  const loadText = (id: number) => byId.get(id) ?? null
  return { name: '(a) Arshif (MiniSearch + Arabic analysis)', rank: (q) => search(index, { q }, loadText).hits.map((h) => h.id) }
}

function miniSearchDefaults(docs: Doc[]): System {
  const index = new MiniSearch<Doc>({ fields: ['title', 'body', 'author', 'source'], searchOptions: { boost: { title: 2.5, source: 0.5, author: 0.5 } } })
  index.addAll(docs)
  const run = (q: string, combineWith: 'AND' | 'OR') => index.search(q, { combineWith }).map((r) => r.id as number)
  return { name: '(b) MiniSearch defaults', rank: (q) => allThenSome(run(q, 'AND'), () => run(q, 'OR')) }
}

function fts5(docs: Doc[], analyzed: boolean): System {
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`)
  const asText = (s: string) => (analyzed ? analyze(s).map((t) => t.term).join(' ') : s)
  const insert = db.prepare('INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)')
  db.transaction(() => {
    for (const d of docs) insert.run(d.id, asText(d.title), asText(d.body))
  })()
  const select = db.prepare(`SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.5, 1) LIMIT 200`).pluck()
  const words = (q: string) => (analyzed ? analyze(q).map((t) => t.term) : tokenizeWords(q))
  const run = (q: string, op: 'AND' | 'OR') => {
    const w = [...new Set(words(q.replace(/["*~]/g, ' ')))].map((t) => `"${t.replace(/"/g, '')}"`)
    return w.length ? (select.all(w.join(` ${op} `)) as number[]) : []
  }
  return { name: analyzed ? '(d) FTS5 over our analyzed text' : '(c) FTS5 unicode61', rank: (q) => allThenSome(run(q, 'AND'), () => run(q, 'OR')) }
}

/** The product's policy: hits with all the words, then (when there are few) those with some. */
function allThenSome(all: number[], some: () => number[]): number[] {
  if (all.length >= 20) return all
  const seen = new Set(all)
  return all.concat(some().filter((id) => !seen.has(id)))
}

// ── scoring ──

interface Score {
  mrr: number
  recall: number
  success: number
  n: number
}

function evaluate(system: System, docs: Map<number, Doc>, queries: Judged[]): Map<string, Score> {
  const scores = new Map<string, Score>()
  const add = (kind: string, rr: number, recall: number) => {
    const s = scores.get(kind) ?? { mrr: 0, recall: 0, success: 0, n: 0 }
    s.mrr += rr
    s.recall += recall
    s.success += rr > 0 ? 1 : 0
    s.n++
    scores.set(kind, s)
  }
  for (const query of queries) {
    // Several documents may carry one key (an article crawled twice): count each key once.
    const keys: string[] = []
    for (const id of system.rank(query.q)) {
      const key = docs.get(id)!.key
      if (!keys.includes(key)) keys.push(key)
      if (keys.length === K) break
    }
    const first = keys.findIndex((k) => query.relevant.has(k))
    const rr = first < 0 ? 0 : 1 / (first + 1)
    const recall = keys.filter((k) => query.relevant.has(k)).length / query.relevant.size
    add('all', rr, recall)
    add(query.kind, rr, recall)
  }
  for (const s of scores.values()) {
    s.mrr /= s.n
    s.recall /= s.n
    s.success /= s.n
  }
  return scores
}

function report(title: string, docs: Doc[], queries: Judged[], extraColumns: string[] = []): void {
  console.log(`\n${title}: ${docs.length} documents, ${queries.length} queries`)
  const byId = new Map(docs.map((d) => [d.id, d]))
  const rows: string[][] = []
  const byKind: string[][] = []
  const t = (f: () => System) => {
    const t0 = performance.now()
    const s = f()
    return { s, ms: performance.now() - t0 }
  }
  for (const make of [() => arshif(docs), () => miniSearchDefaults(docs), () => fts5(docs, false), () => fts5(docs, true)]) {
    const { s, ms } = t(make)
    const t0 = performance.now()
    const scores = evaluate(s, byId, queries)
    const all = scores.get('all')!
    const f3 = (x: number) => x.toFixed(3)
    rows.push([s.name, f3(all.mrr), f3(all.recall), f3(all.success), `${(ms / 1000).toFixed(1)} s`, `${(performance.now() - t0).toFixed(0)} ms`])
    byKind.push([s.name.slice(0, 3), ...extraColumns.map((k) => (scores.get(k) ? `${f3(scores.get(k)!.mrr)} ${f3(scores.get(k)!.success)}` : '—'))])
    ;(globalThis as { gc?: () => void }).gc?.()
  }
  printTable(['system', 'MRR@10', 'R@10', 'S@10', 'build', 'queries'], rows)
  if (extraColumns.length) {
    const counts = new Map(extraColumns.map((k) => [k, queries.filter((q) => q.kind === k).length]))
    console.log('\nMRR@10 and S@10 by kind of query (number of queries):')
    printTable(['', ...extraColumns.map((k) => `${k} (${counts.get(k)})`)], byKind)
  }
  const [a, b] = [rows[0]!, rows[1]!]
  console.log(`\n(a) − (b): MRR@10 ${(Number(a[1]) - Number(b[1])).toFixed(3)}, R@10 ${(Number(a[2]) - Number(b[2])).toFixed(3)}, S@10 ${(Number(a[3]) - Number(b[3])).toFixed(3)}`)
}

// ── set 1: ARCD + XQuAD ──

if (args.only !== 'news') {
  const qa = loadQaSets()
  const docs: Doc[] = qa.paragraphs.map((body, i) => ({ id: i + 1, key: String(i + 1), title: '', body, author: '', source: '', date: '' }))
  const queries: Judged[] = qa.questions.map((q) => ({ q: q.text, kind: q.set, relevant: new Set([String(q.paragraph + 1)]) }))
  report('ARCD + XQuAD (question → paragraph)', docs, queries, ['ARCD', 'XQuAD'])
  console.log('Corpus README, MiniSearch OR ranking: defaults 0.699/0.853, normalization+stopwords 0.772/0.918, Lucene-style stemmer 0.815/0.944 (MRR@10/R@10).')
}

// ── set 2: our SaudiNewsNet queries ──

if (args.only !== 'qa') {
  const file = resolve(import.meta.dirname, 'search-queries.json')
  if (!existsSync(file)) {
    console.log(`\nSaudiNewsNet queries: ${file} is missing, not run.`)
  } else {
    const judged = JSON.parse(readFileSync(file, 'utf8')) as { queries: { q: string; kind: string; relevant: string[] }[] }
    const queries: Judged[] = judged.queries.map((q) => ({ q: q.q, kind: q.kind, relevant: new Set(q.relevant) }))
    const docs: Doc[] = (await loadSaudiNewsNet()).map((r, i) => ({ id: i + 1, key: r.url, title: r.title, body: r.content, author: r.author, source: r.source, date: r.date_extracted.slice(0, 10) }))
    const missing = queries.flatMap((q) => [...q.relevant]).filter((u) => !docs.some((d) => d.key === u))
    if (missing.length) console.log(`warning: ${missing.length} judged urls are not in the corpus`)
    const kinds = [...new Set(queries.map((q) => q.kind))]
    report('SaudiNewsNet, our queries (each with the articles that answer it)', docs, queries, kinds)
  }
}
