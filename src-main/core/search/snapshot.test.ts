import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { sampleSearchDocuments } from '../../../test-support/articles'
import { bulkBuilder } from './bulk-build'
import { createIndex, loadIndex, search } from './engine'
import { writeIndexSnapshot } from './snapshot'

const { docs, loadText } = sampleSearchDocuments()
const dir = mkdtempSync(join(tmpdir(), 'arshif-snapshot-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('an index snapshot', () => {
  it('is the very JSON MiniSearch writes, and loads back to the same answers', () => {
    const index = createIndex()
    index.addAll(docs)
    const file = join(dir, 'fresh.json')
    writeIndexSnapshot(index, file)
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(index))
    const again = loadIndex(readFileSync(file, 'utf8'))
    for (const q of ['الفيضانات', '"مجلس الوزراء"', 'مترو*']) expect(search(again, { q }, loadText).hits).toEqual(search(index, { q }, loadText).hits)
  })

  it('is that JSON for an index built in bulk (compact posting lists) and one loaded back', () => {
    const index = createIndex()
    const builder = bulkBuilder(index)
    builder.add(docs)
    builder.flush()
    const file = join(dir, 'bulk.json')
    writeIndexSnapshot(index, file)
    const json = readFileSync(file, 'utf8')
    expect(json).toBe(JSON.stringify(index))
    // Loaded back, its posting lists are compact too (and MiniSearch's tree lists its terms in another order).
    const loaded = loadIndex(json)
    writeIndexSnapshot(loaded, file)
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(loaded))
  })

  it('stays that JSON after articles are removed and added back (keys no longer in order)', () => {
    const index = createIndex()
    index.addAll(docs)
    // A term first met in a body, later in a title: its field ids are out of order in the Map.
    index.discard(docs[0]!.id)
    index.add({ ...docs[0]!, id: 1000, title: `${docs[1]!.body.split(' ').slice(0, 6).join(' ')}` })
    index.discard(docs[2]!.id)
    const file = join(dir, 'changed.json')
    writeIndexSnapshot(index, file)
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(index))
  })
})
