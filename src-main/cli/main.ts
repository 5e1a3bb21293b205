// `arshif`: the archive from the command line. Results go to stdout (JSON with --json), progress
// and messages to stderr, and the exit code says whether it worked.
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError, isAppError } from '../core/errors'
import { appRoot, defaultArchiveDir, defaultResourcesDir } from '../core/paths'
import { loadSampleIfEmpty } from '../core/sample'
import { appVersion } from '../core/version'
import { createHandlers } from '../api/handlers'
import { startServer } from '../server/server'
import { SearchService } from '../core/search/service'
import { JobRegistry } from '../core/jobs'
import { err, intOption, openArchive, OPTIONS, out, UsageError, type Options } from './common'
import { importCommand } from './commands/import'
import { openRecoverable } from '../api/recovery'
import { startBackupScheduler } from '../core/backup/scheduler'
import { Archive } from '../core/archive/archive'

const HELP = `arshif — offline archive of Arabic news (أرشيف)

Usage: arshif <command> [options]

Commands:
  import <paths…>    import files, folders and .zip archives (text, Markdown, HTML, JSON, JSONL, CSV, TSV, TREC)
  list               list articles, newest first
  show <id>          print one article
  search <query>     search the archive (query language: see the README)
  extract-dates <file|->  the dates an Arabic text mentions (- reads standard input)
  serve              serve the app and its API on 127.0.0.1 and print the address to open
  compare <idA> <idB>  two articles side by side: coverage, shared passages (with their character
                     ranges in both texts), numbers and dates that differ; --html F / --pdf F save it
  timeline [--query Q | --collection C | --ids 1,2,3] [--title T] (--pdf F | --html F | --csv F | --json)
                     the dated events of those articles, merged across articles, in order (text
                     on stdout without an output option)
  backup [list]      back the archive up (database, originals, manifest) or list its backups
  restore <backup>   check a backup (folder or id) and restore it into --archive (--force to replace one)

Options:
  --archive DIR      the archive folder (default: $ARSHIF_HOME, else ${defaultArchiveDir()})
  --json             machine-readable output on stdout
  --limit N          list, search: how many results (default 20)
  --offset N         list: skip the first N
  --sort S           search: relevance (default), date_desc or date_asc
  --port N           serve: the port (default: a free one)
  --reference-date D extract-dates: the publication date (YYYY-MM-DD) that resolves اليوم، أمس …
  --no-sample        serve: do not load the bundled sample into an empty archive
  --html F, --pdf F  compare: also save the comparison as an HTML or PDF document
  --query Q, --collection C (id or name), --ids 1,2,3   timeline: the articles (a query's best
                     --limit hits, default 500, that have all its words)
  --title T          timeline: the title of the document (default: the query or collection)
  --csv F            timeline: save as CSV (UTF-8 with BOM); --html F / --pdf F: as HTML or PDF too
  --map F=COLUMN     import: which column of a CSV/TSV/JSON file holds field F (title, body, date,
                     source, author, url); repeat for each field; F= means none
  --resume BATCH     import: go on with an interrupted import batch (no paths)
  --to DIR           backup: where backups go (default: beside the archive, <archive>-backups)
  --force            restore: replace an archive that holds articles (its database is kept aside)
  -h, --help         this help
  -v, --version      the version
`

export async function main(argv: string[]): Promise<number> {
  let values: Options
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }))
  } catch (e) {
    err(`arshif: ${(e as Error).message}\nRun 'arshif --help' for usage.`)
    return 2
  }
  if (values.version) return out(appVersion()), 0
  const [command, ...rest] = positionals
  if (values.help || !command) return (values.help ? out : err)(HELP), values.help ? 0 : 2

  try {
    switch (command) {
      case 'import':
        return await importCommand(values, rest)
      case 'list':
        return listCommand(values)
      case 'show':
        return showCommand(values, rest)
      case 'serve':
        return await serveCommand(values)
      case 'search':
        return await searchCommand(values, rest)
      case 'extract-dates':
        return await extractDatesCommand(values, rest)
      // Each of these lives in ./commands/<name>.ts, loaded only when run.
      case 'compare':
        return await (await import('./commands/compare')).compareCommand(values, rest)
      case 'timeline':
        return await (await import('./commands/timeline')).timelineCommand(values, rest)
      case 'backup':
        return await (await import('./commands/backup')).backupCommand(values, rest)
      case 'restore':
        return await (await import('./commands/backup')).restoreCommand(values, rest)
      default:
        throw new UsageError(`unknown command '${command}'`)
    }
  } catch (e) {
    if (e instanceof UsageError) err(`arshif: ${e.message}\nRun 'arshif --help' for usage.`)
    else if (isAppError(e)) err(`arshif: ${e.message}`)
    else err(`arshif: unexpected error: ${(e as Error).stack ?? e}`)
    return e instanceof UsageError ? 2 : 1
  }
}

function listCommand(values: Options): number {
  const archive = openArchive(values)
  try {
    const { items, total } = archive.listArticles({ limit: intOption(values.limit, 'limit', 20, 1), offset: intOption(values.offset, 'offset', 0) })
    if (values.json) {
      out(JSON.stringify(items.map(({ id, title, date, source, author }) => ({ id, title, date, source, author })), null, 2))
    } else {
      for (const a of items) out(`${String(a.id).padStart(6)}  ${(a.date ?? '—').slice(0, 10).padEnd(10)}  ${a.source ?? '—'}  ·  ${a.title}`)
      err(`${items.length} of ${total} articles`)
    }
    return 0
  } finally {
    archive.close()
  }
}

function showCommand(values: Options, args: string[]): number {
  const id = intOption(args[0], 'id', NaN, 1)
  if (Number.isNaN(id)) throw new UsageError('show needs an article id')
  const archive = openArchive(values)
  try {
    const article = archive.getArticle(id)
    if (!article) throw new AppError('not_found', `There is no article ${id} in ${archive.dir}.`)
    if (values.json) out(JSON.stringify(article, null, 2))
    else {
      out(article.title)
      out([article.source, article.date, article.author].filter(Boolean).join(' · '))
      out('')
      out(article.paragraphs.join('\n\n'))
    }
    return 0
  } finally {
    archive.close()
  }
}

async function serveCommand(values: Options): Promise<number> {
  const archiveDir = resolve(values.archive ?? defaultArchiveDir())
  // A damaged archive is never recreated: serve starts in recovery mode instead (api/recovery.ts).
  const engine = await openRecoverable({
    archiveDir,
    host: 'serve',
    version: appVersion(),
    log: err,
    open: () => {
      const archive = Archive.open(archiveDir)
      if (!values['no-sample']) {
        const loaded = loadSampleIfEmpty(archive, defaultResourcesDir())
        if (loaded) err(`The archive was empty: loaded ${loaded} sample articles.`)
      }
      // The index loads (or builds, with progress the UI shows) in a worker while the server answers.
      const search = new SearchService({ archiveDir })
      const backups = startBackupScheduler(archive, { appVersion: appVersion(), log: err })
      const handlers = createHandlers({ archive, host: 'serve', version: appVersion(), search, jobs: new JobRegistry(), resourcesDir: defaultResourcesDir() })
      return { handlers, close: async () => (await backups.stop(), await search.close(), archive.close()) }
    },
  })
  // ARSHIF_RENDERER_DIR: a build elsewhere (tests that build their own copy of the UI).
  const rendererDir = process.env.ARSHIF_RENDERER_DIR ? resolve(process.env.ARSHIF_RENDERER_DIR) : resolve(appRoot(), 'out', 'renderer')
  const hasUi = existsSync(resolve(rendererDir, 'index.html'))
  if (!hasUi) err(`The app's UI is not built yet (run 'npm run build'); serving the API only.`)
  const server = await startServer({
    handlers: engine.handlers,
    rendererDir: hasUi ? rendererDir : null,
    port: intOption(values.port, 'port', 0),
  })
  err(`Arshif is serving ${archiveDir}${engine.damage ? ' in recovery mode: restore it from a backup in the browser' : ''}`)
  err(`Open this address in a browser (Ctrl+C to stop):`)
  out(server.openUrl)
  await new Promise<void>((done) => {
    const stop = () => done()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  await server.close()
  await engine.close()
  return 0
}

async function searchCommand(values: Options, words: string[]): Promise<number> {
  const q = words.join(' ').trim()
  if (!q) throw new UsageError('search needs a query')
  const sort = values.sort ?? 'relevance'
  if (sort !== 'relevance' && sort !== 'date_desc' && sort !== 'date_asc') throw new UsageError('--sort is relevance, date_desc or date_asc')
  const archive = openArchive(values) // says clearly what is wrong with the folder, if anything
  archive.close()
  const tty = process.stderr.isTTY
  let shown = ''
  const search = new SearchService({
    archiveDir: archive.dir,
    onStatus: (s) => {
      if (s.state !== 'building') return
      const line = `building the search index: ${s.done}/${s.total}`
      if (tty) process.stderr.write(`\r${line}\x1b[K`)
      else if (s.done === s.total && line !== shown) process.stderr.write(`${line}\n`)
      shown = line
    },
  })
  try {
    await search.ready
    if (tty && shown) process.stderr.write('\n')
    const page = await search.query({ q, sort, limit: intOption(values.limit, 'limit', 20, 1) })
    if (values.json) {
      const snippet = (h: (typeof page.hits)[number]) => (h.snippet.cutStart ? '…' : '') + h.snippet.text + (h.snippet.cutEnd ? '…' : '')
      out(JSON.stringify(page.hits.map((h) => ({ id: h.id, title: h.title, source: h.source, date: h.date, score: h.score, snippet: snippet(h) })), null, 2))
    } else {
      for (const h of page.hits) {
        out(`${String(h.id).padStart(6)}  ${(h.date ?? '—').slice(0, 10).padEnd(10)}  ${h.source ?? '—'}  ·  ${h.title}${h.partial ? '  (some words)' : ''}`)
        out(`        ${h.snippet.text.replace(/\s+/g, ' ').slice(0, 160)}`)
      }
    }
    err(`${page.total} results (${page.complete} with all the words) in ${page.tookMs} ms`)
    return 0
  } finally {
    await search.close()
  }
}

async function extractDatesCommand(values: Options, args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('extract-dates needs one file, or - for standard input')
  const reference = values['reference-date']
  if (reference !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(reference)) throw new UsageError('--reference-date takes a date as YYYY-MM-DD')
  const { extractDates, sentenceAround } = await import('../core/timeline')
  const { decodeText } = await import('../core/import/formats')
  const path = args[0]!
  let bytes: Buffer
  if (path === '-') {
    const chunks: Buffer[] = []
    for await (const c of process.stdin) chunks.push(c as Buffer)
    bytes = Buffer.concat(chunks)
  } else if (!existsSync(path)) throw new UsageError(`${path} does not exist`)
  else bytes = readFileSync(path)
  const { text } = decodeText(bytes) // UTF-8, UTF-16, Windows-1256, ISO-8859-6
  const mentions = extractDates(text, { referenceDate: reference })
  if (values.json) {
    out(JSON.stringify(mentions.map(({ rel: _rel, ...m }) => ({ ...m, sentence: sentenceAround(text, m.start, m.end).text })), null, 2))
  } else {
    for (const m of mentions) out(`${(m.date || '?').padEnd(10)}  ${m.precision.padEnd(5)}  ${m.text}${m.relative && !m.resolved ? '  (relative: give --reference-date)' : ''}`)
  }
  err(`${mentions.length} dates${reference ? '' : mentions.some((m) => m.relative) ? ' (relative ones unresolved: no --reference-date)' : ''}`)
  return 0
}
