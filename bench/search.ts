// npm run bench:search — MiniSearch with our Arabic analysis against SQLite FTS5 (unicode61,
// remove_diacritics 2) on the same SaudiNewsNet articles, in one process, as ratios.
//   --scale N   add N-1 copies of the corpus with changed ids (3 → ~93k articles)
//   --runs N    repetitions of the query list (default 5)
//   --segments N  index segments (worker threads; default one per core, at most 4)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { Archive } from '../src-main/core/archive/archive'
import { INDEX_DIR } from '../src-main/core/search/searcher'
import { SearchService, defaultSegments } from '../src-main/core/search/service'
import { loadSaudiNewsNet, requireCorpus, toParsed } from './corpus'
import { limitHeapGrowth } from '../src-main/core/heap'

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, segments: { type: 'string' }, runs: { type: 'string', default: '5' }, keep: { type: 'boolean', default: false } } })
const scale = Number(values.scale)
limitHeapGrowth() // as the CLI and the app's engine process do
const runs = Number(values.runs)
requireCorpus()

type Kind = 'plain' | 'phrase' | 'prefix' | 'fuzzy' | 'filtered'
const QUERIES: { kind: Kind; q: string; fts: string; source?: string }[] = [
  { kind: 'plain', q: 'الاتفاق النووي', fts: 'الاتفاق النووي' },
  { kind: 'plain', q: 'تفجير مسجد أبها', fts: 'تفجير مسجد أبها' },
  { kind: 'plain', q: 'وزارة الصحة كورونا', fts: 'وزارة الصحة كورونا' },
  { kind: 'plain', q: 'الحوثيين عدن', fts: 'الحوثيين عدن' },
  { kind: 'plain', q: 'أسعار النفط', fts: 'أسعار النفط' },
  { kind: 'plain', q: 'الهلال النصر', fts: 'الهلال النصر' },
  { kind: 'plain', q: 'هيئة الأمر بالمعروف', fts: 'هيئة الأمر بالمعروف' },
  { kind: 'plain', q: 'سوق الأسهم السعودية', fts: 'سوق الأسهم السعودية' },
  { kind: 'plain', q: 'داعش', fts: 'داعش' },
  { kind: 'plain', q: 'الملك سلمان', fts: 'الملك سلمان' },
  { kind: 'plain', q: 'التعليم المدارس', fts: 'التعليم المدارس' },
  { kind: 'plain', q: 'الحج مكة', fts: 'الحج مكة' },
  { kind: 'plain', q: 'الامن العام', fts: 'الامن العام' },
  { kind: 'plain', q: 'مجلس الشورى', fts: 'مجلس الشورى' },
  { kind: 'plain', q: 'ايران', fts: 'ايران' },
  { kind: 'phrase', q: '"خادم الحرمين الشريفين"', fts: '"خادم الحرمين الشريفين"' },
  { kind: 'phrase', q: '"وزارة الداخلية"', fts: '"وزارة الداخلية"' },
  { kind: 'phrase', q: '"الاتفاق النووي"', fts: '"الاتفاق النووي"' },
  { kind: 'phrase', q: '"مجلس التعاون الخليجي"', fts: '"مجلس التعاون الخليجي"' },
  { kind: 'phrase', q: '"الأمم المتحدة" اليمن', fts: '"الأمم المتحدة" اليمن' },
  { kind: 'prefix', q: 'مفاوض*', fts: 'مفاوض*' },
  { kind: 'prefix', q: 'استثمار*', fts: 'استثمار*' },
  { kind: 'prefix', q: 'الطير*', fts: 'الطير*' },
  { kind: 'prefix', q: 'انتخاب*', fts: 'انتخاب*' },
  { kind: 'prefix', q: 'صحي*', fts: 'صحي*' },
  { kind: 'fuzzy', q: 'الاتفاقيه~', fts: 'الاتفاقيه' },
  { kind: 'fuzzy', q: 'المفاوضت~', fts: 'المفاوضت' },
  { kind: 'fuzzy', q: 'السعوديه~', fts: 'السعوديه' },
  { kind: 'fuzzy', q: 'الارهاب~', fts: 'الارهاب' },
  { kind: 'fuzzy', q: 'البترول~', fts: 'البترول' },
  { kind: 'filtered', q: 'الاتفاق النووي', fts: 'الاتفاق النووي', source: 'aleqtisadiya' },
  { kind: 'filtered', q: 'الهلال', fts: 'الهلال', source: 'sabq' },
  { kind: 'filtered', q: 'أبها', fts: 'أبها', source: 'okaz' },
]

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`
const gc = () => (globalThis as { gc?: () => void }).gc?.()
const heap = () => (gc(), process.memoryUsage().heapUsed)
function percentiles(samples: number[]): { p50: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!
  return { p50: at(0.5), p95: at(0.95) }
}
const time = (f: () => unknown) => {
  const t = performance.now()
  f()
  return performance.now() - t
}

const dir = mkdtempSync(join(tmpdir(), 'arshif-bench-'))
console.log(`Loading SaudiNewsNet ×${scale} into a fresh archive at ${dir} …`)
let records = await loadSaudiNewsNet()
const archive = Archive.open(dir)
const tImport = time(() => {
  for (let copy = 0; copy < scale; copy++)
    for (let i = 0; i < records.length; i += 2000) archive.addArticles(records.slice(i, i + 2000).map((r) => toParsed(r, copy)), null)
})
records = [] // the index workers should not pay for the loader's garbage
gc()
const articles = archive.articleCount()
console.log(`${articles} articles in ${(tImport / 1000).toFixed(1)} s\n`)

// ── MiniSearch, the way the app runs it: segments in worker threads behind the search service ──
/** Longest stall of this (the "main") thread while `f` runs: what a window would feel. */
async function withLag<T>(f: () => Promise<T>): Promise<{ value: T; lag: number }> {
  let lag = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    lag = Math.max(lag, now - last - 10)
    last = now
  }, 10)
  try {
    return { value: await f(), lag }
  } finally {
    clearInterval(timer)
  }
}
const segmentCount = Number(values.segments ?? defaultSegments())
const indexDir = join(dir, INDEX_DIR)
let builtAt = 0
const buildStart = performance.now()
const building = new SearchService({
  archiveDir: dir,
  segments: segmentCount,
  onStatus: (st) => {
    if (!builtAt && (st.state === 'saving' || st.state === 'ready')) builtAt = performance.now()
  },
})
const built = await withLag(() => building.ready)
const msBuild = builtAt - buildStart
const msBuildSaved = performance.now() - buildStart
await building.close()
const msSnapshot = readdirSync(indexDir).reduce((n, f) => n + statSync(join(indexDir, f)).size, 0)
const loadStart = performance.now()
const searcher = new SearchService({ archiveDir: dir, segments: segmentCount })
const loaded = await withLag(() => searcher.ready)
const msLoad = performance.now() - loadStart
const msHeap = await searcher.heapUsed() // the loaded index, after a collection

// ── FTS5 baseline over the same articles ──
const fts = new Database(':memory:')
fts.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, source UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`)
const heapBeforeFts = heap()
const ftsBuild = time(() => {
  const insert = fts.prepare('INSERT INTO docs (rowid, title, body, source) VALUES (?, ?, ?, ?)')
  const rows = archive.db.prepare('SELECT a.id, a.title, a.body, s.name AS source FROM articles a LEFT JOIN sources s ON s.id = a.source_id').iterate() as Iterable<{ id: number; title: string; body: string; source: string }>
  fts.transaction(() => {
    for (const r of rows) insert.run(r.id, r.title, r.body, r.source)
  })()
})
const ftsHeap = heap() - heapBeforeFts
const ftsSize = (fts.prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() as number) ?? 0
const ftsQuery = fts.prepare(`SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.5, 1) LIMIT 20`)
const ftsFiltered = fts.prepare(`SELECT rowid FROM docs WHERE docs MATCH ? AND source = ? ORDER BY bm25(docs, 2.5, 1) LIMIT 20`)

// ── queries ──
const byKind = new Map<Kind, { ms: number[]; fts: number[]; hits: number[]; ftsHits: number[] }>()
for (let run = 0; run < runs + 1; run++) {
  for (const query of QUERIES) {
    const req = { q: query.q, limit: 20, ...(query.source ? { filters: { sources: [query.source] } } : {}) }
    const t0 = performance.now()
    const hits = (await searcher.query(req)).total
    const msTime = performance.now() - t0
    const t1 = performance.now()
    const ftsHits = (query.source ? ftsFiltered.all(query.fts, query.source) : ftsQuery.all(query.fts)).length
    const ftsTime = performance.now() - t1
    if (run === 0) continue // warm-up
    const k = byKind.get(query.kind) ?? { ms: [], fts: [], hits: [], ftsHits: [] }
    k.ms.push(msTime)
    k.fts.push(ftsTime)
    if (run === 1) {
      k.hits.push(hits)
      k.ftsHits.push(ftsHits)
    }
    byKind.set(query.kind, k)
  }
}

const row = (cells: (string | number)[]) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 22 : 16)).join(''))
console.log(`\n${articles} articles, ${QUERIES.length} queries × ${runs} runs (node ${process.version})\n`)
console.log(`MiniSearch in ${segmentCount} segment(s), one worker thread each (--segments N); times through the search service, as the app sees them\n`)
row(['', 'MiniSearch+ar', 'FTS5 unicode61', 'ratio MS/FTS'])
row(['index build', `${(msBuild / 1000).toFixed(1)} s`, `${(ftsBuild / 1000).toFixed(1)} s`, (msBuild / ftsBuild).toFixed(1)])
row(['  + saving snapshot', `${(msBuildSaved / 1000).toFixed(1)} s`, '', ''])
row(['heap + arrays (index workers)', mb(msHeap), mb(ftsHeap) + ' (+db)', ''])
row(['snapshot / db size', mb(msSnapshot), mb(ftsSize), (msSnapshot / ftsSize).toFixed(1)])
row(['cold load → ready', `${(msLoad / 1000).toFixed(2)} s`, '— (on disk)', ''])
row(['main thread stall', `${built.lag.toFixed(0)} ms build`, `${loaded.lag.toFixed(0)} ms load`, ''])
for (const [kind, k] of byKind) {
  const a = percentiles(k.ms)
  const b = percentiles(k.fts)
  row([`${kind} p50 / p95`, `${a.p50.toFixed(1)} / ${a.p95.toFixed(1)} ms`, `${b.p50.toFixed(1)} / ${b.p95.toFixed(1)} ms`, (a.p95 / Math.max(0.01, b.p95)).toFixed(1)])
}
console.log('\nmean hits per query (MiniSearch includes "any word" matches when fewer than 20 have all):')
for (const [kind, k] of byKind) console.log(`  ${kind.padEnd(9)} MiniSearch ${(k.hits.reduce((a, b) => a + b, 0) / k.hits.length).toFixed(0).padStart(6)}   FTS5 (top 20) ${(k.ftsHits.reduce((a, b) => a + b, 0) / k.ftsHits.length).toFixed(0)}`)

await searcher.close()
archive.close()
fts.close()
if (!values.keep) rmSync(dir, { recursive: true, force: true })
