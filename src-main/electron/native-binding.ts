// better-sqlite3 is a native module, built for one ABI at a time: Node's (what `npm install` builds,
// used by the CLI, serve mode and the tests) or Electron's. During development both builds live
// side by side (scripts/native.js puts Electron's in node_modules/.arshif-native/), and the engine
// process is pointed at Electron's through ARSHIF_SQLITE_BINDING, so nothing is ever rebuilt in
// place. A packaged app has only Electron's build, in the usual place, and sets nothing.
import Module, { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const SQLITE_BINDING_ENV = 'ARSHIF_SQLITE_BINDING'

/** Where scripts/native.js keeps better-sqlite3 built for this Electron (same formula there). */
export function electronBindingPath(projectRoot: string, electronVersion: string, platform: string = process.platform, arch: string = process.arch): string {
  return join(projectRoot, 'node_modules', '.arshif-native', `better_sqlite3-electron-${electronVersion}-${platform}-${arch}.node`)
}

/**
 * Makes every database this thread opens use the addon at `bindingPath`: better-sqlite3 finds its
 * default addon through the `bindings` package, which is answered from the module cache instead.
 * (Worker threads have their own module cache; Archive.open reads ARSHIF_SQLITE_BINDING for them.)
 */
export function useSqliteBinding(bindingPath: string): void {
  const require = createRequire(import.meta.url)
  const addon: unknown = require(bindingPath)
  const bindingsFile = require.resolve('bindings', { paths: [dirname(require.resolve('better-sqlite3/package.json'))] })
  const stub = new Module(bindingsFile)
  stub.filename = bindingsFile
  stub.loaded = true
  stub.exports = () => addon
  require.cache[bindingsFile] = stub
}
