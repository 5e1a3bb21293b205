import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../test-support/tmp'
import { collectFiles } from './importer'

const root = tempDir()

describe('the files of an import', () => {
  it('are every file under the folders given, in name order, hidden ones left out, linked folders followed', () => {
    const dir = join(root, 'batch')
    mkdirSync(join(dir, 'b', 'nested'), { recursive: true })
    mkdirSync(join(dir, '.cache'), { recursive: true })
    mkdirSync(join(root, 'elsewhere'), { recursive: true })
    writeFileSync(join(dir, 'b', 'nested', 'two.txt'), 'ب')
    writeFileSync(join(dir, 'a.txt'), 'أ')
    writeFileSync(join(dir, 'c.json'), '[]')
    writeFileSync(join(dir, '.hidden.txt'), 'x')
    writeFileSync(join(dir, '.cache', 'skipped.txt'), 'x')
    writeFileSync(join(root, 'elsewhere', 'linked.txt'), 'رابط')
    symlinkSync(join(root, 'elsewhere'), join(dir, 'd-link'))
    const { files, missing, bytes } = collectFiles([dir, join(root, 'no-such-folder')])
    expect(files).toEqual([join(dir, 'a.txt'), join(dir, 'b', 'nested', 'two.txt'), join(dir, 'c.json'), join(dir, 'd-link', 'linked.txt')])
    expect(missing).toEqual([join(root, 'no-such-folder')])
    // أ and ب are 2 bytes each in UTF-8, "[]" 2, رابط 8.
    expect(bytes()).toBe(2 + 2 + 2 + 8)
  })
})
