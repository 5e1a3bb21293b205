import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshEngineBuild } from './engine-build.js'

// bin/arshif.js runs the built engine only while it is newer than every source that goes into it.
describe('freshEngineBuild', () => {
  let root: string
  const at = (path: string, seconds: number) => {
    mkdirSync(join(path, '..'), { recursive: true })
    writeFileSync(path, '')
    utimesSync(path, seconds, seconds)
  }
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'arshif-engine-build-'))
    at(join(root, 'electron.vite.config.ts'), 1000)
    at(join(root, 'src-main', 'core', 'import', 'importer.ts'), 1000)
    at(join(root, 'src-main', 'cli', 'main.ts'), 1000)
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  it('is the built CLI when it was built after every source', () => {
    at(join(root, 'out', 'main', 'cli.js'), 2000)
    expect(freshEngineBuild(root)).toBe(join(root, 'out', 'main', 'cli.js'))
  })

  it('is null when there is no build', () => {
    expect(freshEngineBuild(root)).toBeNull()
  })

  it('is null when a source, however deep, or the build config changed after the build', () => {
    at(join(root, 'out', 'main', 'cli.js'), 2000)
    at(join(root, 'src-main', 'core', 'import', 'importer.ts'), 3000)
    expect(freshEngineBuild(root)).toBeNull()
    at(join(root, 'src-main', 'core', 'import', 'importer.ts'), 1000)
    at(join(root, 'electron.vite.config.ts'), 3000)
    expect(freshEngineBuild(root)).toBeNull()
  })

  it('ignores tests, which are not part of the build', () => {
    at(join(root, 'out', 'main', 'cli.js'), 2000)
    at(join(root, 'src-main', 'core', 'import', 'importer.test.ts'), 3000)
    expect(freshEngineBuild(root)).toBe(join(root, 'out', 'main', 'cli.js'))
  })
})
