// npm run bench:compare — the comparison of two articles, and "similar articles" over the archive.
//   1. Two ~5,000-word articles made of real SaudiNewsNet text (B: A reworked as a newspaper would —
//      paragraphs cut, added, moved, split, numbers changed, diacritics added): the full comparison
//      against a plain word LCS diff of the two bodies (the classic dynamic programme) as baseline.
//   2. compare.similar's lookup for sampled articles on all SaudiNewsNet articles (~31k), through the
//      search service as the app runs it, against the same lookup with SQLite FTS5 finding candidates.
//   --runs N      comparisons timed (default 20)
//   --samples N   articles whose similar articles are looked up (default 60)
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { Archive } from '../src-main/core/archive/archive'
import { compareArticles, findSimilar, type ComparedArticle } from '../src-main/core/compare'
import { forEachWord, normalize } from '../src-main/core/arabic'
import { SearchService, defaultSegments } from '../src-main/core/search/service'
import { loadSaudiNewsNet, requireCorpus, toParsed, type SaudiNewsNetRecord } from './corpus'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, samples: { type: 'string', default: '60' } } })
const runs = Number(values.runs)
const samples = Number(values.samples)
requireCorpus()

function percentiles(xs: number[]): { p50: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!
  return { p50: at(0.5), p95: at(0.95) }
}
const ms = (x: number) => `${x.toFixed(1)} ms`
/** A small deterministic random generator (mulberry32), so every run builds the same articles. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const wordCount = (text: string) => {
  let n = 0
  forEachWord(text, () => void n++)
  return n
}

const records = await loadSaudiNewsNet()

// ── 1. two 5,000-word articles ──
const rand = random(5)
const paragraphsOf = (r: SaudiNewsNetRecord) => r.content.split('\n').map((p) => p.trim()).filter((p) => wordCount(p) >= 15)
const pool = records.filter((r) => r.source === 'was').flatMap(paragraphsOf)
const spare = records.filter((r) => r.source === 'alriyadh').flatMap(paragraphsOf)
const aParagraphs: string[] = []
for (let i = 0, words = 0; words < 5000; i++) (words += wordCount(pool[i]!)), aParagraphs.push(pool[i]!)
const bParagraphs: string[] = []
for (const p of aParagraphs) {
  const roll = rand()
  if (roll < 0.08) continue // cut
  let text = p.replace(/\d+/, (d) => String(Number(d) + 1)) // a number changed
  if (roll < 0.2) text = text.replace(/ال/g, 'الْ') // diacritics: no difference
  if (roll > 0.9) {
    const words = text.split(' ')
    bParagraphs.push(words.slice(0, words.length >> 1).join(' '), words.slice(words.length >> 1).join(' ')) // split
  } else bParagraphs.push(text)
  if (roll > 0.85 && roll <= 0.9) bParagraphs.push(spare[bParagraphs.length]!) // added
}
for (let k = 0; k < 5; k++) bParagraphs.push(bParagraphs.splice(Math.floor(rand() * bParagraphs.length), 1)[0]!) // moved
const article = (id: number, paragraphs: string[]): ComparedArticle => ({ id, title: `مقال ${id}`, source: 'bench', date: '2015-08-10', datePrecision: 'day', author: null, url: null, paragraphs })
const A = article(1, aParagraphs)
const B = article(2, bParagraphs)
const wordsA = aParagraphs.flatMap((p) => p.split(/\s+/).map((w) => normalize(w)))
const wordsB = bParagraphs.flatMap((p) => p.split(/\s+/).map((w) => normalize(w)))

/** Baseline: the length of the longest common subsequence of the two word lists, O(n·m). */
function lcsLength(a: string[], b: string[]): number {
  let prev = new Uint16Array(b.length + 1)
  let row = new Uint16Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!)
    ;[prev, row] = [row, prev]
  }
  return prev[b.length]!
}

const comparing: number[] = []
const lcs: number[] = []
let last = compareArticles(A, B)
for (let run = 0; run <= runs; run++) {
  const t0 = performance.now()
  last = compareArticles(A, B)
  const t1 = performance.now()
  lcsLength(wordsA, wordsB)
  const t2 = performance.now()
  if (run === 0) continue // warm-up
  comparing.push(t1 - t0)
  lcs.push(t2 - t1)
}
const cmp = percentiles(comparing)
const base = percentiles(lcs)
console.log(`\n1. Two articles of ${last.a.wordCount} and ${last.b.wordCount} words (${A.paragraphs.length} / ${B.paragraphs.length} paragraphs), ${runs} runs (node ${process.version})`)
console.log(`   full comparison  p50 ${ms(cmp.p50)}  p95 ${ms(cmp.p95)}   (target ≤ 150 ms)`)
console.log(`   word LCS diff    p50 ${ms(base.p50)}  p95 ${ms(base.p95)}   (baseline: lengths only, no alignment, passages or ranges)`)
console.log(`   ratio comparison / LCS at p50: ${(cmp.p50 / base.p50).toFixed(2)}`)
console.log(`   found: ${last.summary.line.en}; ${last.passages.length} shared passages, ${last.figures.length} figures differ, ${last.rows.filter((r) => r.moved).length} moved, ${last.rows.filter((r) => r.a.length === 1 && r.b.length === 2).length} split`)

// ── 2. similar articles on the whole corpus ──
const dir = mkdtempSync(join(tmpdir(), 'arshif-bench-compare-'))
const archive = Archive.open(dir)
const tImport = performance.now()
for (let i = 0; i < records.length; i += 2000) archive.addArticles(records.slice(i, i + 2000).map((r) => toParsed(r)), null)
const total = archive.articleCount()
console.log(`\n2. Similar articles: ${total} SaudiNewsNet articles imported in ${((performance.now() - tImport) / 1000).toFixed(1)} s; building the index …`)
const segments = defaultSegments()
const search = new SearchService({ archiveDir: dir, segments })
await search.ready

const fts = new Database(':memory:')
fts.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`)
const insert = fts.prepare('INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)')
fts.transaction(() => {
  for (const r of archive.db.prepare('SELECT id, title, body FROM articles').iterate() as Iterable<{ id: number; title: string; body: string }>) insert.run(r.id, r.title, r.body)
})()
const ftsMatch = fts.prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.5, 1) LIMIT ?').pluck()

const viaIndex = (q: string, n: number) => search.topIds({ q, sort: 'relevance' }, n)
const viaFts = async (q: string, n: number) => ftsMatch.all(q.split(' OR ').map((w) => `"${w}"`).join(' OR '), n) as number[]

const ids = archive.db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[]
const pick = random(31)
const chosen = Array.from({ length: samples + 3 }, () => ids[Math.floor(pick() * ids.length)]!)
const tFirst = performance.now()
await findSimilar(archive, viaIndex, chosen[0]!, 10)
const firstCall = performance.now() - tFirst // includes sampling the archive for term rarity, once
const hitCounts: number[] = []
const queries: string[] = []
const countingSearch = (q: string, n: number) => (queries.push(q), viaIndex(q, n))
const timed: number[] = []
const timedFts: number[] = []
let agree = 0
let compared = 0
for (const [k, id] of chosen.entries()) {
  const t0 = performance.now()
  const mine = await findSimilar(archive, countingSearch, id, 10)
  const t1 = performance.now()
  const theirs = await findSimilar(archive, viaFts, id, 10)
  const t2 = performance.now()
  if (k < 3) continue // warm-up
  timed.push(t1 - t0)
  timedFts.push(t2 - t1)
  const top = new Set(theirs.items.map((i) => i.article.id))
  agree += mine.items.filter((i) => top.has(i.article.id)).length
  compared += mine.items.length
}
for (const q of queries) hitCounts.push((await search.query({ q, limit: 1, sort: 'relevance' })).total)

// Quality: SPA (was) stories that a newspaper reprinted (≥ 10 shared runs of 12 words): is the reprint in the top 10?
const urlId = archive.db.prepare('SELECT id FROM articles WHERE url = ?').pluck()
const runsAt = new Map<string, number>()
const run12 = (ws: string[], i: number) => ws.slice(i, i + 12).join(' ')
records.forEach((r, k) => {
  if (r.source === 'was') return
  const ws = r.content.split(/\s+/).filter(Boolean)
  for (let i = 0; i + 12 <= ws.length; i += 6) runsAt.set(run12(ws, i), k)
})
let reprints = 0
let found = 0
for (const r of records) {
  if (r.source !== 'was' || reprints >= 30) continue
  const ws = r.content.split(/\s+/).filter(Boolean)
  const hits = new Map<number, number>()
  for (let i = 0; i + 12 <= ws.length; i++) {
    const k = runsAt.get(run12(ws, i))
    if (k !== undefined) hits.set(k, (hits.get(k) ?? 0) + 1)
  }
  const best = [...hits].sort((x, y) => y[1] - x[1])[0]
  const spaId = urlId.get(r.url) as number | undefined
  const paperId = best && best[1] >= 10 ? (urlId.get(records[best[0]]!.url) as number | undefined) : undefined
  if (!spaId || !paperId) continue
  reprints++
  if ((await findSimilar(archive, viaIndex, spaId, 10)).items.some((i) => i.article.id === paperId)) found++
}

const sim = percentiles(timed)
const simFts = percentiles(timedFts)
console.log(`   ${samples} articles, top 10 each, index in ${segments} segment(s); first call ${ms(firstCall)} (samples the archive for term rarity, once)`)
console.log(`   the "more like this" query matches ${Math.round(percentiles(hitCounts).p50)} articles at p50 (${Math.round(percentiles(hitCounts).p95)} at p95)`)
console.log(`   via the search index  p50 ${ms(sim.p50)}  p95 ${ms(sim.p95)}   (target ≤ 200 ms)`)
console.log(`   via SQLite FTS5       p50 ${ms(simFts.p50)}  p95 ${ms(simFts.p95)}   (baseline: same query and rescoring, candidates from FTS5)`)
console.log(`   ratio index / FTS5 at p95: ${(sim.p95 / simFts.p95).toFixed(2)};  top-10 overlap between the two: ${((agree / Math.max(1, compared)) * 100).toFixed(0)}%`)
console.log(`   reprints found: for ${found} of ${reprints} SPA stories that a newspaper reprinted, the reprint is among the top 10`)
console.log('\nFigures are noisy when other processes share the cores: compare ratios, not absolute times.')

await search.close()
archive.close()
fts.close()
rmSync(dir, { recursive: true, force: true })
