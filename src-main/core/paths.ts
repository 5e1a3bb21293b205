// Where things live on disk when nobody says otherwise.
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

/** The archive folder used by the CLI and serve mode: $ARSHIF_HOME, else the platform's data dir. */
export function defaultArchiveDir(env = process.env, platform = process.platform): string {
  if (env.ARSHIF_HOME) return resolve(env.ARSHIF_HOME)
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'arshif')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'arshif')
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'arshif')
}

let root: string | undefined
/**
 * The folder of the app's package.json: the repository, or the packaged app. Found by walking up,
 * as this module sits at a different depth in the sources (src-main/core) and in each bundle
 * (out/main, out/main/chunks).
 */
export function appRoot(): string {
  if (root) return root
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return (root = dir)
    if (dirname(dir) === dir) return (root = resolve(import.meta.dirname, '..', '..'))
  }
}

/** The repository's (or the packaged app's) `resources/` folder. */
export const defaultResourcesDir = () => join(appRoot(), 'resources')
