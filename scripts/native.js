#!/usr/bin/env node
// better-sqlite3 for both runtimes, side by side, so `npm start` and `npm test` both work and
// nothing is ever rebuilt in place:
//   node scripts/native.js electron   build (or fetch) it for the installed Electron into
//                                     node_modules/.arshif-native/ — the desktop app's engine
//                                     process loads it from there (src-main/electron/native-binding.ts)
//   node scripts/native.js node       check the Node build in node_modules/better-sqlite3 loads, and
//                                     rebuild it for Node if something replaced it
//   node scripts/native.js status     say what is there
// A packaged app does not need this: electron-builder rebuilds native modules for Electron itself.
import { spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(import.meta.dirname, '..')
const require = createRequire(import.meta.url)

/** Where Electron's build is kept (same formula in src-main/electron/native-binding.ts). */
export function electronBindingPath(projectRoot, electronVersion, platform = process.platform, arch = process.arch) {
  return join(projectRoot, 'node_modules', '.arshif-native', `better_sqlite3-electron-${electronVersion}-${platform}-${arch}.node`)
}

export function installedElectronVersion(projectRoot = root) {
  const file = join(projectRoot, 'node_modules', 'electron', 'package.json')
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : null
}

function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' })
  return r.status === 0
}

/** node-gyp: the one npm runs scripts with, else npm's own copy, else from the registry. */
function nodeGyp() {
  if (process.env.npm_config_node_gyp && existsSync(process.env.npm_config_node_gyp)) return [process.execPath, [process.env.npm_config_node_gyp]]
  const bundled = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  if (existsSync(bundled)) return [process.execPath, [bundled]]
  return ['npx', ['--yes', 'node-gyp']]
}

/** Builds better-sqlite3 for Electron `version` in a scratch copy; returns the .node file or null. */
export function buildForElectron({ projectRoot = root, version = installedElectronVersion(projectRoot), force = false } = {}) {
  if (!version) {
    console.error('native: Electron is not installed (npm install first).')
    return null
  }
  const target = electronBindingPath(projectRoot, version)
  if (existsSync(target) && !force) return target
  const source = dirname(require.resolve('better-sqlite3/package.json', { paths: [projectRoot] }))
  const scratch = mkdtempSync(join(tmpdir(), 'arshif-native-'))
  const work = join(scratch, 'better-sqlite3')
  try {
    cpSync(source, work, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build')) })
    console.error(`native: building better-sqlite3 for Electron ${version} (${process.platform}-${process.arch})…`)
    // 1. better-sqlite3's prebuilt binary for this Electron, if one is published;
    const prebuild = require.resolve('prebuild-install/bin.js', { paths: [source, projectRoot] })
    const fetched = run(process.execPath, [prebuild, '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, `--platform=${process.platform}`], work)
    // 2. else compiled against Electron's headers (needs a C++ toolchain and Python).
    if (!fetched) {
      const [cmd, pre] = nodeGyp()
      const built = run(cmd, [...pre, 'rebuild', '--release', '--runtime=electron', `--target=${version}`, `--arch=${process.arch}`, '--dist-url=https://electronjs.org/headers'], work)
      if (!built) {
        console.error('native: could not fetch or build better-sqlite3 for Electron (no network, or no C++ toolchain). The CLI, serve mode and tests are unaffected.')
        return null
      }
    }
    mkdirSync(dirname(target), { recursive: true })
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target)
    console.error(`native: ${target}`)
    return target
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** Whether the Node build loads in this Node. */
export function nodeBuildLoads(projectRoot = root) {
  const probe = "const D=require('better-sqlite3');new D(':memory:').close()"
  return spawnSync(process.execPath, ['-e', probe], { cwd: projectRoot, stdio: 'ignore' }).status === 0
}

function main(command) {
  switch (command) {
    case 'electron':
      return buildForElectron({ force: process.argv.includes('--force') }) ? 0 : 1
    case 'node':
      if (nodeBuildLoads()) {
        console.error('native: better-sqlite3 is built for this Node.')
        return 0
      }
      console.error('native: better-sqlite3 does not load in Node; rebuilding it for Node…')
      return run('npm', ['rebuild', 'better-sqlite3'], root) && nodeBuildLoads() ? 0 : 1
    case 'status': {
      const version = installedElectronVersion()
      const target = version ? electronBindingPath(root, version) : null
      console.log(`node:     ${nodeBuildLoads() ? 'ok' : 'does not load (run: node scripts/native.js node)'}`)
      console.log(`electron: ${target && existsSync(target) ? target : 'not built (run: node scripts/native.js electron)'}`)
      return 0
    }
    default:
      console.error('usage: node scripts/native.js electron [--force] | node | status')
      return 2
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(main(process.argv[2]))
