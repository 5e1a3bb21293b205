// The daily backup: each host (serve, the desktop app) starts one scheduler for its open archive.
// It looks at start and then every hour; when daily backups are on and the newest backup is more
// than a day old (or there is none) it makes one, then deletes automatic backups beyond the count.
import type { Archive } from '../archive/archive'
import { createBackup, listBackups, pruneBackups, type BackupInfo } from './backup'
import { backupsDirOf, readBackupSettings } from './settings'

export const DAY_MS = 24 * 60 * 60_000
const CHECK_EVERY_MS = 60 * 60_000

export interface BackupScheduler {
  /** Runs one check now (what the timer does); resolves with the backup made, if any. */
  check(): Promise<BackupInfo | null>
  /** Stops the timer; resolves once a backup in progress has finished (close the archive after). */
  stop(): Promise<void>
}

export interface SchedulerOptions {
  appVersion: string
  log?: (message: string) => void
  now?: () => Date
  /** Whether to look right away and then on a timer (tests call check() themselves). */
  timer?: boolean
}

export function startBackupScheduler(archive: Archive, opts: SchedulerOptions): BackupScheduler {
  const now = opts.now ?? (() => new Date())
  let checking: Promise<BackupInfo | null> | null = null

  async function runCheck(): Promise<BackupInfo | null> {
    const settings = readBackupSettings(archive.dir)
    if (!settings.daily) return null
    const dir = backupsDirOf(archive.dir, settings)
    const newest = listBackups(dir)[0]
    let made: BackupInfo | null = null
    if (!newest || now().getTime() - Date.parse(newest.createdAt) >= DAY_MS) {
      made = await createBackup(archive, { dir, automatic: true, appVersion: opts.appVersion, now })
      opts.log?.(`Daily backup made: ${made.path}`)
    }
    const removed = pruneBackups(dir, settings.keep)
    if (removed.length) opts.log?.(`Deleted ${removed.length} old automatic backups (keeping ${settings.keep}).`)
    return made
  }

  const check = () => {
    // One check at a time; a failure is logged and tried again at the next tick.
    checking ??= runCheck()
      .catch((e: unknown) => {
        opts.log?.(`The daily backup failed: ${(e as Error).message}`)
        return null
      })
      .finally(() => (checking = null))
    return checking
  }

  let timer: NodeJS.Timeout | null = null
  if (opts.timer !== false) {
    timer = setInterval(() => void check(), CHECK_EVERY_MS)
    timer.unref()
    // Not in the first seconds of a start, when the index is loading.
    setTimeout(() => timer && void check(), 30_000).unref()
  }
  return {
    check,
    stop: async () => {
      if (timer) clearInterval(timer)
      timer = null
      await checking
    },
  }
}
