// `arshif import <paths…>`: files, folders and zips as one batch, progress on stderr.
// `--map field=column` (repeatable) says which column of a CSV/TSV/JSON file holds which field;
// `--resume <batch>` goes on with an import that was interrupted (a crash, a kill).
import type { FieldMap } from '../../core/import/formats'
import type { ImportProgress, ImportReport } from '../../core/import/importer'
import { SearchService } from '../../core/search/service'
import { TimeLeft } from '../../core/time-left'
import { err, intOption, openArchive, out, UsageError, type Options } from '../common'

const MAP_FIELDS = ['title', 'body', 'date', 'source', 'author', 'url'] as const

/** `--map title=headline --map body=text` → { title: 'headline', body: 'text' }; `author=` means "none". */
export function parseFieldMap(specs: readonly string[] | undefined): FieldMap | undefined {
  if (!specs?.length) return undefined
  const map: FieldMap = {}
  for (const spec of specs) {
    const eq = spec.indexOf('=')
    if (eq < 0) throw new UsageError(`--map takes field=column (e.g. --map title=headline), not '${spec}'`)
    const field = spec.slice(0, eq).trim()
    if (!(MAP_FIELDS as readonly string[]).includes(field)) throw new UsageError(`--map: unknown field '${field}'; the fields are ${MAP_FIELDS.join(', ')}`)
    const key = field as (typeof MAP_FIELDS)[number]
    if (map[key] !== undefined) throw new UsageError(`--map: the field '${field}' is mapped twice`)
    map[key] = spec.slice(eq + 1).trim()
  }
  return map
}

const duration = (s: number) => (s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.round((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`)

export async function importCommand(values: Options, paths: string[]): Promise<number> {
  const resume = values.resume === undefined ? undefined : intOption(values.resume, 'resume', 0, 1)
  if (resume !== undefined && paths.length) throw new UsageError('--resume continues a batch with its own files; give no paths with it')
  if (resume !== undefined && values.map?.length) throw new UsageError('--resume uses the batch\'s own field mapping; --map cannot change it')
  if (resume === undefined && paths.length === 0) throw new UsageError('import needs at least one file or folder (or --resume <batch>)')
  const fieldMap = parseFieldMap(values.map)
  const archive = openArchive(values)
  try {
    const tty = process.stderr.isTTY
    const started = Date.now()
    let lastLine = 0
    const timeLeft = new TimeLeft()
    // The saved search index is brought up to date after the import (in worker threads, one per
    // core), so the app opens on an index that holds the new articles. Its threads start when the
    // last files are written (`finishing`): their start (~0.2 s) then overlaps the import's commit
    // and checkpoint on the core the reader thread has left. Not sooner: indexing while the import runs shares the
    // cores with it and was measured slower end to end (bench/import.ts --follow). What the index
    // misses of the last commit it catches up with in sync().
    let search: SearchService | undefined
    const startSearch = (): SearchService => (search ??= new SearchService({ archiveDir: archive.dir }))
    const onProgress = (p: ImportProgress) => {
      const now = Date.now()
      const finished = p.done === p.total
      if (p.finishing) return void startSearch()
      // A line a second when not a terminal (logs), as often as it changes on a terminal.
      if (!finished && now - lastLine < (tty ? 100 : 1000)) return
      lastLine = now
      const seconds = Math.max(0.001, (now - started) / 1000)
      const left = timeLeft.update(p.done, p.total)
      const near = p.nearDuplicates ? ` (${p.nearDuplicates} near-duplicates linked)` : ''
      const line = `importing ${p.done}/${p.total} files · ${p.added} added${near} · ${p.duplicates} duplicates · ${p.failed} failed · ${Math.round(p.added / seconds)} articles/s · ${finished ? 'done' : left === undefined ? 'estimating time left' : `~${duration(left)} left`}`
      process.stderr.write(tty ? `\r${line}\x1b[K` : line + '\n')
    }
    // Loaded on demand: the parsers are the heaviest part of the CLI and only import needs them.
    const { interruptedBatches } = await import('../../core/import/importer')
    const { runImportInWorker } = await import('../../core/import/run')
    if (resume === undefined) {
      const waiting = interruptedBatches(archive)
      if (waiting.length) err(`note: ${waiting.map((b) => `batch ${b.id} (${b.label})`).join(', ')} was interrupted; 'arshif import --resume <batch>' goes on with it.`)
    }
    // In a worker thread, as in the app: when it ends, what the import held goes with it, before the
    // search index is brought up to date (SaudiNewsNet's import and index peaked at 1.2 GB in one thread).
    // Ctrl-C cancels at the next file (the batch can be resumed); a second one stops at once.
    const cancel = new AbortController()
    const onInterrupt = () => {
      err(`\ncancelling… (the batch can be resumed with 'arshif import --resume'; Ctrl-C again stops at once)`)
      cancel.abort()
    }
    process.once('SIGINT', onInterrupt)
    let report: ImportReport
    try {
      report = await runImportInWorker(
        resume !== undefined ? { archiveDir: archive.dir, paths: [], origin: 'cli', resumeBatchId: resume } : { archiveDir: archive.dir, paths, origin: 'cli', fieldMap },
        { onProgress, signal: cancel.signal },
      )
    } catch (e) {
      await search?.close()
      throw e
    } finally {
      process.removeListener('SIGINT', onInterrupt)
    }
    if (tty) process.stderr.write('\n')
    for (const f of report.files) for (const p of f.problems) err(`${f.file}: ${p}`)
    const { added, duplicates, failed, files, nearDuplicates } = report.counts
    err(
      `batch ${report.batchId}: ${added} articles added${nearDuplicates ? ` (${nearDuplicates} linked to an earlier article they resemble)` : ''}, ${duplicates} duplicates skipped, ${failed} of ${files} files failed` +
        ` in ${duration((Date.now() - started) / 1000)}`,
    )
    const indexing = Date.now()
    try {
      const documents = await startSearch().sync()
      err(`search index up to date: ${documents} articles (${duration((Date.now() - indexing) / 1000)} after the import)`)
    } catch (e) {
      err(`note: the search index could not be updated (${e instanceof Error ? e.message : String(e)}); the app builds it when it next opens.`)
    } finally {
      await startSearch().close()
    }
    if (values.json) out(JSON.stringify(report, null, 2))
    return failed > 0 && added === 0 && duplicates === 0 ? 1 : 0
  } finally {
    archive.close()
  }
}
