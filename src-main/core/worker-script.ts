// Where a worker thread's script is: the bundled file beside the built engine (out/main, see
// electron.vite.config.ts; this module may itself land in out/main/chunks), or else its TypeScript
// source, started through tsx. The bundle starts in milliseconds; from source every thread
// compiles its own copy of the code first.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export function workerScript(bundledName: string, fromSource: URL): URL {
  for (const candidate of [`./${bundledName}`, `../${bundledName}`]) {
    const bundled = new URL(candidate, import.meta.url)
    if (bundled.protocol === 'file:' && existsSync(fileURLToPath(bundled))) return bundled
  }
  return fromSource
}
