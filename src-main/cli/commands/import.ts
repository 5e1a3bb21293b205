// `arshif import <paths…>`: files, folders and zips as one batch, progress on stderr.
import type { ImportProgress } from '../../core/import/importer'
import { err, openArchive, out, UsageError, type Options } from '../common'

export async function importCommand(values: Options, paths: string[]): Promise<number> {
  if (paths.length === 0) throw new UsageError('import needs at least one file or folder')
  const archive = openArchive(values)
  try {
    const tty = process.stderr.isTTY
    const started = Date.now()
    const onProgress = (p: ImportProgress) => {
      if (!tty && p.done !== p.total && p.done % 100 !== 0) return
      const rate = p.done / Math.max(0.001, (Date.now() - started) / 1000)
      const left = rate > 0 ? Math.round((p.total - p.done) / rate) : 0
      const line = `importing ${p.done}/${p.total} files · ${p.added} added · ${p.duplicates} duplicates · ${p.failed} failed · ${rate.toFixed(0)} files/s · ~${left}s left`
      process.stderr.write(tty ? `\r${line}\x1b[K` : line + '\n')
    }
    // Loaded on demand: the parsers are the heaviest part of the CLI and only import needs them.
    const { importPaths } = await import('../../core/import/importer')
    const report = await importPaths(archive, paths, { origin: 'cli', onProgress })
    if (tty) process.stderr.write('\n')
    for (const f of report.files) for (const p of f.problems) err(`${f.file}: ${p}`)
    const { added, duplicates, failed, files } = report.counts
    err(`batch ${report.batchId}: ${added} articles added, ${duplicates} duplicates skipped, ${failed} of ${files} files failed`)
    if (values.json) out(JSON.stringify(report, null, 2))
    return failed > 0 && added === 0 && duplicates === 0 ? 1 : 0
  } finally {
    archive.close()
  }
}
