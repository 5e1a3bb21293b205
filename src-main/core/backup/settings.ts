// Backup settings live in a small JSON file in the archive folder, not in the database: they must
// still be readable when the database is damaged, which is exactly when the backups are needed.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { z } from 'zod'
import { defaultBackupsDir } from './backup'

export const BACKUP_SETTINGS_FILE = 'backup-settings.json'

export const backupSettingsSchema = z
  .object({
    /** Make a backup automatically when the newest is more than a day old. */
    daily: z.boolean(),
    /** How many automatic backups to keep; older ones are deleted. */
    keep: z.number().int().min(1).max(365),
    /** Where backups go; absent: beside the archive folder (`<archive>-backups`). */
    dir: z.string().min(1).max(4096).optional(),
  })
  .strict()

export type BackupSettings = z.infer<typeof backupSettingsSchema>

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { daily: true, keep: 7 }

export function readBackupSettings(archiveDir: string): BackupSettings {
  try {
    const parsed = backupSettingsSchema.safeParse(JSON.parse(readFileSync(join(archiveDir, BACKUP_SETTINGS_FILE), 'utf8')))
    if (parsed.success) return parsed.data
  } catch {
    /* absent or unreadable: the defaults */
  }
  return { ...DEFAULT_BACKUP_SETTINGS }
}

export function writeBackupSettings(archiveDir: string, patch: Partial<BackupSettings>): BackupSettings {
  const next = backupSettingsSchema.parse({ ...readBackupSettings(archiveDir), ...patch })
  if (next.dir) next.dir = resolve(next.dir)
  mkdirSync(archiveDir, { recursive: true })
  const file = join(archiveDir, BACKUP_SETTINGS_FILE)
  writeFileSync(`${file}.tmp`, JSON.stringify(next, null, 2))
  renameSync(`${file}.tmp`, file)
  return next
}

/** Where this archive's backups go, by its settings. */
export const backupsDirOf = (archiveDir: string, settings = readBackupSettings(archiveDir)) => settings.dir ?? defaultBackupsDir(archiveDir)
