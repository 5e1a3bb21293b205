// Is the built engine (out/main, made by `npm start` or `npm run build`) up to date with the
// sources? bin/arshif.js and the import benchmark run it when it is: its worker threads start at
// once, where from source each of them first compiles its own copy of the TypeScript through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const buildDir = (root) => join(root, 'out', 'main')
export const ENGINE_BUILD_DIR = buildDir(ROOT)

/** The newest modification time of the sources that go into the bundles (tests do not). */
function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (!/\.test\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

/** out/main/cli.js when it was built after the last change to src-main and the build config; else null. */
export function freshEngineBuild(root = ROOT) {
  const cli = join(buildDir(root), 'cli.js')
  if (!existsSync(cli) || !existsSync(join(root, 'src-main'))) return null
  const sources = Math.max(newestSource(join(root, 'src-main')), statSync(join(root, 'electron.vite.config.ts')).mtimeMs)
  return statSync(cli).mtimeMs >= sources ? cli : null
}
