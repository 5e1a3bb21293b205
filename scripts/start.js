#!/usr/bin/env node
// `npm start`: build the app, then open the desktop window. Where Electron's binary is missing and
// cannot be fetched (an offline machine), say so in one line and serve the same UI in the browser.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { buildForElectron } from './native.js'

const root = join(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)
const passThrough = process.argv.slice(2)

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' })
if (build.status !== 0) {
  console.error('arshif: the build failed (see above).')
  process.exit(build.status ?? 1)
}

const electron = findElectron()
// better-sqlite3 built for Electron, kept beside the Node build the CLI and tests use (built once).
const binding = electron ? buildForElectron() : null
if (electron && binding) {
  const child = spawn(electron, [root, ...passThrough], { stdio: 'inherit', env: { ...process.env, ARSHIF_SQLITE_BINDING: binding } })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.error(
    electron
      ? 'arshif: better-sqlite3 could not be built for Electron here (see above), so the same app is served in your browser instead.'
      : "arshif: Electron's binary is not installed and cannot be downloaded here, so the same app is served in your browser instead.",
  )
  const child = spawn(process.execPath, [join(root, 'bin', 'arshif.js'), 'serve', ...passThrough], { stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code) => process.exit(code ?? 0))
}

/** The Electron executable, fetching it once if the package allows; null when it cannot be had. */
function findElectron() {
  if (process.env.ARSHIF_NO_ELECTRON) return null
  let pkgDir
  try {
    pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return null
  }
  const installed = () => {
    const pathFile = join(pkgDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const exe = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(exe) ? exe : null
  }
  if (installed()) return installed()
  // Electron downloads its binary on first use; give it a bounded chance, quietly.
  spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 })
  return installed()
}
