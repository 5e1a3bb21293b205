// Starting on an archive that may be damaged. A host (serve, the desktop app) never recreates or
// repairs a damaged archive silently: when opening it fails with `archive_corrupt`, the engine
// starts in RECOVERY mode instead, where the only things that work are saying what is wrong,
// listing the backups and restoring one. A successful restore opens the archive again and every
// call from then on reaches the full engine: the handler set the host holds never changes.
import { restoreBackup } from '../core/backup'
import { AppError, isAppError } from '../core/errors'
import { METHODS, type AppInfo, type Handlers, type Settings } from './contract'
import { findBackup, listIn } from './handlers/backup'

/** A fully opened engine: its handlers and how to shut it down (search workers, scheduler, archive). */
export interface OpenEngine {
  handlers: Handlers
  close(): Promise<void>
}

export interface RecoverableEngine {
  /** Pass these to the transport once; they follow the engine from recovery to normal. */
  handlers: Handlers
  /** The damage, while in recovery mode; null once the archive is open. */
  readonly damage: string | null
  close(): Promise<void>
}

export interface RecoverableOptions {
  archiveDir: string
  host: AppInfo['host']
  version: string
  /** Opens the archive and everything on it; throws `archive_corrupt` for a damaged archive. */
  open: () => OpenEngine | Promise<OpenEngine>
  /** Told when the engine enters or leaves recovery mode. */
  log?: (message: string) => void
}

export async function openRecoverable(opts: RecoverableOptions): Promise<RecoverableEngine> {
  let engine: OpenEngine | null = null
  let damage: string | null = null
  try {
    engine = await opts.open()
  } catch (e) {
    if (!isAppError(e) || e.code !== 'archive_corrupt') throw e
    damage = e.message
    opts.log?.(`The archive is damaged; starting in recovery mode. ${e.message}`)
  }

  const recovery = recoveryHandlers(opts, () => damage ?? '', async (restoredEngine) => {
    engine = restoredEngine
    damage = null
    opts.log?.('The archive was restored from a backup; the app is back to normal.')
  })
  // Each method asks, at call time, which set is current.
  const handlers = Object.fromEntries(
    METHODS.map((m) => [m, (args: unknown) => ((engine ? engine.handlers[m] : recovery[m]) as (a: unknown) => unknown)(args)]),
  ) as unknown as Handlers

  return {
    handlers,
    get damage() {
      return damage
    },
    close: async () => {
      await engine?.close()
    },
  }
}

/** What answers while the archive is damaged: everything else says so. */
function recoveryHandlers(opts: RecoverableOptions, reason: () => string, restored: (e: OpenEngine) => Promise<void>): Handlers {
  const refuse = () => {
    throw new AppError('archive_corrupt', reason())
  }
  let locale: Settings['locale'] = 'ar' // the saved choice is in the damaged database
  let restoring = false
  const available: Partial<Handlers> = {
    'app.info': () => ({
      name: 'Arshif',
      version: opts.version,
      archiveDir: opts.archiveDir,
      articleCount: 0,
      schemaVersion: 0,
      host: opts.host,
      recovery: { reason: reason(), backupsDir: listIn(opts.archiveDir).dir },
    }),
    'settings.get': () => ({ locale }),
    'settings.set': (patch) => ({ locale: (locale = patch.locale ?? locale) }),
    'search.status': () => ({ state: 'failed', done: 0, total: 0, documents: 0, error: reason() }),
    'backup.list': () => listIn(opts.archiveDir),
    'backup.restore': async ({ id }) => {
      if (restoring) throw new AppError('forbidden', 'A restore is already running.')
      restoring = true
      try {
        const backup = findBackup(opts.archiveDir, id)
        // The damaged database is moved aside (archive.sqlite.replaced-…), never deleted.
        await restoreBackup(backup.path, opts.archiveDir, { force: true })
        const engine = await opts.open()
        await restored(engine)
        return { restored: backup, articleCount: (await engine.handlers['app.info']({})).articleCount }
      } finally {
        restoring = false
      }
    },
  }
  return Object.fromEntries(METHODS.map((m) => [m, available[m] ?? refuse])) as unknown as Handlers
}
