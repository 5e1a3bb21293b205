// Temporary folders for tests: one made inside a test is removed when that test finishes, one made
// while a test file is collected when the file is done.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, onTestFinished } from 'vitest'

export function tempDir(prefix = 'arshif-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const remove = () => rmSync(dir, { recursive: true, force: true })
  try {
    onTestFinished(remove)
  } catch {
    afterAll(remove) // not inside a test (vitest runs no afterAll registered from one)
  }
  return dir
}
