// Where things live on disk when nobody says otherwise.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The archive folder used by the CLI and serve mode: $ARSHIF_HOME, else the platform's data dir. */
export function defaultArchiveDir(env = process.env, platform = process.platform): string {
  if (env.ARSHIF_HOME) return resolve(env.ARSHIF_HOME)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'arshif')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'arshif')
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'arshif')
}

/** The repository's (or the packaged app's) `resources/` folder. */
export const defaultResourcesDir = () => resolve(import.meta.dirname, '..', '..', 'resources')
