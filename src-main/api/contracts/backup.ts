// The backup operations of the contract (see ../contract.ts). Renderer-safe: zod and types only.
import { z } from 'zod'
import { op, none } from '../op'
import type { JobInfo } from '../../core/jobs'
import type { BackupInfo } from '../../core/backup/backup'
import { BACKUP_ID } from '../../core/backup/manifest'

export type { BackupInfo }

export interface BackupSettingsValue {
  /** A backup every day (made when the newest is more than a day old). */
  daily: boolean
  /** How many automatic backups are kept. */
  keep: number
  /** Where backups go, when not beside the archive. */
  dir?: string
}

export interface BackupList {
  /** The folder the backups are in. */
  dir: string
  /** Newest first. */
  backups: BackupInfo[]
}

export const backupContract = {
  /** The backups of this archive, newest first. Also answers in recovery mode. */
  'backup.list': op<BackupList>()(none),
  /** Starts a backup as a job; its result is the new backup. */
  'backup.create': op<JobInfo<BackupInfo>>()(none),
  'backup.settings.get': op<BackupSettingsValue>()(none),
  'backup.settings.set': op<BackupSettingsValue>()(
    z
      .object({
        daily: z.boolean().optional(),
        keep: z.number().int().min(1).max(365).optional(),
        /** null: back to the default folder beside the archive. */
        dir: z.string().min(1).max(4096).nullable().optional(),
      })
      .strict(),
  ),
  /**
   * Replaces the damaged archive with a checked backup (recovery mode only; an archive that opens
   * is restored with `arshif restore`, with the app closed).
   */
  'backup.restore': op<{ restored: BackupInfo; articleCount: number }>()(z.object({ id: z.string().regex(BACKUP_ID, 'a backup id') }).strict()),
} as const
