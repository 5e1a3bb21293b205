// bench:import — importing real news end to end, as `arshif import` does it and until the search
// index is built and saved: all 31,030 SaudiNewsNet articles from their 18 zips, then the 10,161
// ANT files. As `arshif import` does it (the import in a worker thread), the search index is brought up to date and saved once the
// import is done (built by the search workers, one per core). With --follow the workers index
// what the import commits while it goes on, as in the app; on 2 cores that was measured slower
// end to end (the import thread and two index threads share them), so the CLI does not. Articles per second and peak memory (RSS, the search workers included), beside a bare
// INSERT of the same rows into SQLite in the same run (the floor no importer can beat).
//
// The worker threads run the built engine (out/main), as in the desktop app and in `arshif` once
// built; the build is made first when the sources are newer. --from-source runs them through tsx
// instead, as `arshif` does before any build: every thread then compiles its own copy of the code.
//
// Each measurement runs in a child process of its own, so its peak RSS is its own.
//   npm run bench:import                 both corpora
//   npm run bench:import -- --only snn   or --only ant
//   npm run bench:import -- --follow     the index follows the import as it commits
//   npm run bench:import -- --from-source
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { CORPUS_DIR, requireCorpus } from './corpus'
import { Archive } from '../src-main/core/archive/archive'
import { runImportInWorker } from '../src-main/core/import/run'
import type { ImportProgress } from '../src-main/core/import/importer'
import { parseFile } from '../src-main/core/import/formats'
import { readZip } from '../src-main/core/import/zip'
import { SearchService } from '../src-main/core/search/service'
import { limitHeapGrowth } from '../src-main/core/heap'
import type { ParsedArticle } from '../src-main/core/model'
import { ENGINE_BUILD_DIR, freshEngineBuild } from '../scripts/engine-build.js'

const { values } = parseArgs({ options: { only: { type: 'string' }, phase: { type: 'string' }, corpus: { type: 'string' }, follow: { type: 'boolean', default: false }, 'from-source': { type: 'boolean', default: false } } })

interface Corpus {
  name: string
  label: string
  paths: () => string[]
}
const CORPORA: Corpus[] = [
  {
    name: 'snn',
    label: 'SaudiNewsNet (18 zips)',
    paths: () => {
      const dir = resolve(CORPUS_DIR, 'saudinewsnet')
      return readdirSync(dir).filter((f) => f.endsWith('.zip')).sort().map((f) => join(dir, f))
    },
  },
  {
    name: 'ant',
    label: 'ANT (10,161 TREC files)',
    // The category folders (not the corpus' README and LICENSE beside them).
    paths: () => {
      const dir = resolve(CORPUS_DIR, 'ant')
      return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(dir, e.name)).sort()
    },
  },
]

interface ImportFigures {
  articles: number
  duplicates: number
  nearDuplicates: number
  failed: number
  importSeconds: number
  indexSeconds: number
  totalSeconds: number
  /** CPU time of the whole process (search workers included): far less sensitive than wall time to a busy machine. */
  importCpuSeconds: number
  indexCpuSeconds: number
  peakRssMb: number
}
interface InsertFigures {
  rows: number
  insertSeconds: number
  insertCpuSeconds: number
  peakRssMb: number
}

/** The built workers, unless --from-source (then each module finds its TypeScript source). */
const workerUrl = (name: string): URL | undefined => (values['from-source'] ? undefined : pathToFileURL(join(ENGINE_BUILD_DIR, name)))

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024)
const cpuSeconds = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/** The measured phase: importPaths into a fresh archive, then the search index brought up to date and saved (or following it, --follow). */
async function importPhase(corpus: Corpus): Promise<ImportFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'arshif-bench-import-'))
  try {
    const archive = Archive.open(dir)
    const start = performance.now()
    const cpuStart = cpuSeconds()
    let search: SearchService | null = null
    const startSearch = () => (search ??= new SearchService({ archiveDir: dir, workerUrl: workerUrl('search-worker.js') }))
    if (values.follow) await startSearch().ready
    // In a worker thread, as `arshif import` and the app run it; the search threads start as the
    // last files are written, as `arshif import` starts them.
    const onProgress = (p: ImportProgress) => void (p.finishing && startSearch())
    const report = await runImportInWorker({ archiveDir: dir, paths: corpus.paths(), origin: 'bench' }, { workerUrl: workerUrl('import-worker.js'), onProgress })
    const imported = performance.now()
    const cpuImported = cpuSeconds()
    archive.close()
    const documents = await startSearch().sync()
    const indexed = performance.now()
    const cpuIndexed = cpuSeconds()
    await startSearch().close()
    if (documents !== report.counts.added) throw new Error(`the index holds ${documents} articles, the import added ${report.counts.added}`)
    return {
      articles: report.counts.added,
      duplicates: report.counts.duplicates,
      nearDuplicates: report.counts.nearDuplicates ?? 0,
      failed: report.counts.failed,
      importSeconds: (imported - start) / 1000,
      indexSeconds: (indexed - imported) / 1000,
      totalSeconds: (indexed - start) / 1000,
      importCpuSeconds: cpuImported - cpuStart,
      indexCpuSeconds: cpuIndexed - cpuImported,
      peakRssMb: peakRssMb(),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The same rows, parsed beforehand (not timed), inserted with one prepared statement in one transaction. */
async function insertPhase(corpus: Corpus): Promise<InsertFigures> {
  const articles: ParsedArticle[] = []
  const add = (name: string, bytes: Uint8Array) => {
    try {
      articles.push(...parseFile(name, bytes).articles)
    } catch {
      /* the importer reports these; nothing to insert */
    }
  }
  const walk = (p: string): string[] => (statSync(p).isDirectory() ? readdirSync(p).flatMap((name) => (name.startsWith('.') ? [] : walk(join(p, name)))) : [p])
  for (const file of corpus.paths().flatMap(walk)) {
    if (file.endsWith('.zip')) await readZip(file, (u) => void (u.kind === 'file' && add(u.entry, u.bytes)))
    else add(file, readFileSync(file))
  }
  const dir = mkdtempSync(join(tmpdir(), 'arshif-bench-insert-'))
  try {
    const db = new Database(join(dir, 'bare.sqlite'))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.exec('CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT, published_at TEXT, source TEXT, author TEXT, url TEXT)')
    const insert = db.prepare('INSERT INTO articles (title, body, published_at, source, author, url) VALUES (?, ?, ?, ?, ?, ?)')
    const start = performance.now()
    const cpuStart = cpuSeconds()
    db.transaction(() => {
      for (const a of articles) insert.run(a.title, a.paragraphs.join('\n\n'), a.publishedAt ?? null, a.source ?? null, a.author ?? null, a.url ?? null)
    })()
    const insertSeconds = (performance.now() - start) / 1000
    const insertCpuSeconds = cpuSeconds() - cpuStart
    db.close()
    return { rows: articles.length, insertSeconds, insertCpuSeconds, peakRssMb: peakRssMb() }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (values.phase) {
  limitHeapGrowth() // as the CLI and the app's engine process do
  // A child: one measurement, its figures as JSON on stdout.
  const corpus = CORPORA.find((c) => c.name === values.corpus)!
  const figures = values.phase === 'import' ? await importPhase(corpus) : await insertPhase(corpus)
  process.stdout.write(JSON.stringify(figures))
  process.exit(0)
}

requireCorpus()
if (!values['from-source'] && !freshEngineBuild()) {
  console.log('Building the engine (electron-vite build), as the sources are newer than out/…')
  const build = spawnSync(resolve(import.meta.dirname, '..', 'node_modules', '.bin', 'electron-vite'), ['build'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (build.status !== 0) throw new Error('electron-vite build failed')
}
const runChild = <T,>(phase: string, corpus: Corpus): T =>
  JSON.parse(
    execFileSync(process.execPath, [resolve(import.meta.dirname, 'run.mjs'), resolve(import.meta.dirname, 'import.ts'), '--phase', phase, '--corpus', corpus.name, ...(values.follow ? ['--follow'] : []), ...(values['from-source'] ? ['--from-source'] : [])], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    }),
  ) as T

console.log(`bench:import — ${new Date().toISOString().slice(0, 10)}, Node ${process.versions.node}, corpus ${CORPUS_DIR}`)
console.log(`Worker threads: ${values['from-source'] ? 'from the TypeScript sources through tsx' : 'the built engine (out/main)'}.`)
console.log('Targets: ≥ 1,500 articles/s end to end (import + search index), peak RSS ≤ 1 GB.\n')
for (const corpus of CORPORA.filter((c) => !values.only || c.name === values.only)) {
  console.log(`── ${corpus.label}`)
  const imp = runChild<ImportFigures>('import', corpus)
  const bare = runChild<InsertFigures>('insert', corpus)
  const rate = imp.articles / imp.totalSeconds
  console.log(`  imported ${imp.articles} articles (${imp.duplicates} exact duplicates skipped, ${imp.nearDuplicates} linked as near-duplicates, ${imp.failed} files failed)`)
  console.log(`  import ${imp.importSeconds.toFixed(1)} s (${Math.round(imp.articles / imp.importSeconds)} articles/s${values.follow ? '; the search index following it' : ''}) + search index ${values.follow ? 'finished' : 'built'} and saved ${imp.indexSeconds.toFixed(1)} s = ${imp.totalSeconds.toFixed(1)} s`)
  console.log(`  end to end: ${Math.round(rate)} articles/s (target ≥ 1500: ${rate >= 1500 ? 'met' : 'NOT met'}), peak RSS ${imp.peakRssMb} MB (target ≤ 1024: ${imp.peakRssMb <= 1024 ? 'met' : 'NOT met'})`)
  console.log(`  bare INSERT of the same ${bare.rows} rows: ${bare.insertSeconds.toFixed(2)} s (${Math.round(bare.rows / bare.insertSeconds)} rows/s), peak RSS ${bare.peakRssMb} MB`)
  console.log(`  end to end ÷ bare INSERT: ×${(imp.totalSeconds / bare.insertSeconds).toFixed(1)} the time (import alone ×${(imp.importSeconds / bare.insertSeconds).toFixed(1)})`)
  console.log(
    `  CPU time (all threads): import ${imp.importCpuSeconds.toFixed(1)} s + search index ${imp.indexCpuSeconds.toFixed(1)} s; bare INSERT ${bare.insertCpuSeconds.toFixed(2)} s; import ÷ bare INSERT ×${(imp.importCpuSeconds / bare.insertCpuSeconds).toFixed(1)}\n`,
  )
}
