import { describe, expect, it } from 'vitest'
import { copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { tempDir } from '../../test-support/tmp'
import { electronBindingPath, useSqliteBinding } from './native-binding'
// @ts-expect-error a plain JS script without types
import { electronBindingPath as scriptBindingPath } from '../../scripts/native.js'

const require = createRequire(import.meta.url)

describe('better-sqlite3 built for Electron, side by side with the Node build', () => {
  it('is looked for where scripts/native.js puts it', () => {
    expect(electronBindingPath('/repo', '45.1.0', 'linux', 'x64')).toBe('/repo/node_modules/.arshif-native/better_sqlite3-electron-45.1.0-linux-x64.node')
    expect(scriptBindingPath('/repo', '45.1.0', 'linux', 'x64')).toBe(electronBindingPath('/repo', '45.1.0', 'linux', 'x64'))
  })

  it('is the addon every database of this thread opens with, once chosen', () => {
    // A copy of the Node build stands in for Electron's: what matters is which file gets loaded.
    const copy = join(tempDir(), 'better_sqlite3-copy.node')
    copyFileSync(require.resolve('better-sqlite3/build/Release/better_sqlite3.node'), copy)
    useSqliteBinding(copy)
    const Database = require('better-sqlite3')
    const db = new Database(':memory:')
    expect(db.prepare('select 1 + 1 as two').get()).toEqual({ two: 2 })
    db.close()
    expect(Object.keys(require.cache)).toContain(copy)
  })
})
