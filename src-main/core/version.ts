import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** The app's version, from package.json (two folders up from here in the source and in out/). */
export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
}
