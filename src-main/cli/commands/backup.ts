// `arshif backup [--to DIR]`, `arshif backup list`, `arshif restore <backup> [--force]`.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { backupPath, backupsDirOf, createBackup, listBackups, restoreBackup, verifyBackup, BACKUP_ID, type BackupInfo } from '../../core/backup'
import { appVersion } from '../../core/version'
import { defaultArchiveDir } from '../../core/paths'
import { err, openArchive, out, UsageError, type Options } from '../common'

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const describe = (b: BackupInfo) => `${b.id}  ${String(b.articleCount).padStart(7)} articles  ${mb(b.bytes).padStart(9)}  ${b.automatic ? 'daily' : 'by hand'}  (app ${b.appVersion}, schema ${b.schemaVersion})`

export async function backupCommand(values: Options, args: string[]): Promise<number> {
  if (args[0] === 'list') return listCommand(values)
  if (args.length) throw new UsageError(`backup takes no paths (use --to DIR), or 'list'`)
  const archive = openArchive(values)
  try {
    const dir = values.to ? resolve(values.to) : backupsDirOf(archive.dir)
    const tty = process.stderr.isTTY
    const info = await createBackup(archive, {
      dir,
      appVersion: appVersion(),
      onProgress: (p) => tty && process.stderr.write(`\rbacking up (${p.phase}): ${p.done}/${p.total}\x1b[K`),
    })
    if (tty) process.stderr.write('\n')
    if (values.json) out(JSON.stringify(info, null, 2))
    else {
      out(info.path)
      err(`Backed up ${info.articleCount} articles (${mb(info.bytes)}) to ${info.path}`)
    }
    return 0
  } finally {
    archive.close()
  }
}

function listCommand(values: Options): number {
  const archiveDir = resolve(values.archive ?? defaultArchiveDir())
  const dir = values.to ? resolve(values.to) : backupsDirOf(archiveDir)
  const backups = listBackups(dir)
  if (values.json) out(JSON.stringify(backups, null, 2))
  else {
    for (const b of backups) out(describe(b))
    err(`${backups.length} backups in ${dir}`)
  }
  return 0
}

export async function restoreCommand(values: Options, args: string[]): Promise<number> {
  if (args.length !== 1) throw new UsageError('restore needs one backup: its folder, or its id from `arshif backup list`')
  const archiveDir = resolve(values.archive ?? defaultArchiveDir())
  const given = args[0]!
  const source = BACKUP_ID.test(given) && !existsSync(given) ? backupPath(backupsDirOf(archiveDir), given) : resolve(given)
  if (!existsSync(source)) throw new UsageError(`${given} is neither a backup folder nor the id of one of this archive's backups`)
  err(`Checking the backup at ${source} …`)
  const manifest = await verifyBackup(source)
  err(`It is whole: ${manifest.articleCount} articles, ${manifest.originals.length} original files, made ${manifest.createdAt} by Arshif ${manifest.appVersion}.`)
  const result = await restoreBackup(source, archiveDir, { force: values.force })
  if (values.json) out(JSON.stringify({ archiveDir, backup: source, articleCount: manifest.articleCount, setAside: result.setAside }, null, 2))
  else out(archiveDir)
  err(`Restored ${manifest.articleCount} articles into ${archiveDir}.${result.setAside ? ` The database it replaced was kept as ${result.setAside}.` : ''}`)
  return 0
}
