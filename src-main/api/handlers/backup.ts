// The backup operations, implemented over the core. No transport concerns here.
import { AppError } from '../../core/errors'
import { backupPath, backupsDirOf, createBackup, listBackups, readBackupSettings, writeBackupSettings, type BackupSettings } from '../../core/backup'
import type { HandlersFor } from '../contract'
import type { backupContract, BackupSettingsValue } from '../contracts/backup'
import type { EngineContext } from '../context'

export function backupHandlers(ctx: EngineContext): HandlersFor<typeof backupContract> {
  const { archive } = ctx
  return {
    'backup.list': () => listIn(archive.dir),
    'backup.create': () => {
      const dir = backupsDirOf(archive.dir)
      return ctx.jobs.start('backup', ({ signal, progress }) =>
        createBackup(archive, { dir, appVersion: ctx.version, signal, onProgress: (p) => progress({ done: p.done, total: p.total, current: p.phase }) }),
      )
    },
    'backup.settings.get': () => readBackupSettings(archive.dir),
    'backup.settings.set': (patch) => saveSettings(archive.dir, patch),
    'backup.restore': () => {
      throw new AppError(
        'forbidden',
        'An archive that opens is not replaced while the app uses it. Close Arshif, then run: arshif restore <backup> --archive <folder> --force.',
      )
    },
  }
}

export function listIn(archiveDir: string) {
  const dir = backupsDirOf(archiveDir)
  return { dir, backups: listBackups(dir) }
}

/** Finds backup `id` among this archive's backups (ids only: no paths from the caller). */
export function findBackup(archiveDir: string, id: string) {
  const dir = backupsDirOf(archiveDir)
  const path = backupPath(dir, id)
  const info = listBackups(dir).find((b) => b.path === path)
  if (!info) throw new AppError('backup_invalid', `The backup ${id} has no readable manifest.`)
  return info
}

export function saveSettings(archiveDir: string, { dir, ...rest }: { daily?: boolean; keep?: number; dir?: string | null }): BackupSettingsValue {
  // dir: null goes back to the default folder (an undefined dir is left out of the saved file).
  const patch: Partial<BackupSettings> = dir === undefined ? rest : { ...rest, dir: dir ?? undefined }
  return writeBackupSettings(archiveDir, patch)
}
