import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type MiniSearch from 'minisearch'
import { sampleSearchDocuments } from '../../../test-support/articles'
import { bulkBuilder } from './bulk-build'
import { createIndex, search, type SearchDocument } from './engine'
import { loadIndexSnapshot, writeIndexSnapshot } from './snapshot'

const { docs, loadText } = sampleSearchDocuments()
const dir = mkdtempSync(join(tmpdir(), 'arshif-snapshot-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

const roundTrip = (index: MiniSearch<SearchDocument>) => {
  const file = join(dir, `s${++n}.index`)
  writeIndexSnapshot(index, file)
  return loadIndexSnapshot(readFileSync(file))
}
/** The index as MiniSearch serializes it, terms sorted (a loaded tree may list them in another order). */
const contents = (index: MiniSearch<SearchDocument>) => {
  const js = JSON.parse(JSON.stringify(index)) as { index: [string, unknown][] }
  js.index.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return js
}
const QUERIES = ['الفيضانات', '"مجلس الوزراء"', 'مترو*', 'الامطار -السيول', 'الوزراء']
const answers = (index: MiniSearch<SearchDocument>) => QUERIES.map((q) => search(index, { q }, loadText).hits)

describe('an index snapshot', () => {
  it('loads back to the same index, with the same answers', () => {
    const index = createIndex()
    index.addAll(docs)
    const loaded = roundTrip(index)
    expect(contents(loaded)).toEqual(contents(index))
    expect(answers(loaded)).toEqual(answers(index))
    expect(answers(index).flat().length).toBeGreaterThan(0)
  })

  it('does so for an index built in bulk, and again for one loaded back', () => {
    const index = createIndex()
    const builder = bulkBuilder(index)
    builder.add(docs)
    builder.flush()
    const loaded = roundTrip(index)
    expect(contents(loaded)).toEqual(contents(index))
    expect(contents(roundTrip(loaded))).toEqual(contents(index))
  })

  it('keeps what removing and adding articles did (holes in the lists, postings out of order)', () => {
    const index = createIndex()
    index.addAll(docs)
    index.discard(docs[0]!.id)
    // A term first met in a body, later in a title: its field ids are out of order in the Map.
    index.add({ ...docs[0]!, id: 1000, title: `${docs[1]!.body.split(' ').slice(0, 6).join(' ')}` })
    index.discard(docs[2]!.id)
    const loaded = roundTrip(index)
    expect(contents(loaded)).toEqual(contents(index))
    expect(answers(loaded)).toEqual(answers(index))
  })

  it('can be changed once loaded, as the index it came from', () => {
    const index = createIndex()
    index.addAll(docs.slice(1))
    const loaded = roundTrip(index)
    for (const changing of [index, loaded]) {
      changing.discard(docs[3]!.id)
      changing.add(docs[0]!)
      changing.add({ ...docs[3]!, id: 2000 })
    }
    expect(contents(loaded)).toEqual(contents(index))
    expect(answers(loaded)).toEqual(answers(index))
  })

  it('loads from bytes wherever they lie in memory (a view of the postings, or a copy when unaligned)', () => {
    const index = createIndex()
    index.addAll(docs)
    const file = join(dir, 'aligned.index')
    writeIndexSnapshot(index, file)
    const unaligned = Buffer.concat([Buffer.alloc(1), readFileSync(file)]).subarray(1)
    expect(unaligned.byteOffset % 4).not.toBe(0)
    expect(contents(loadIndexSnapshot(unaligned))).toEqual(contents(index))
  })

  it('refuses a file that is not one, or not all of one', () => {
    const index = createIndex()
    index.addAll(docs)
    const file = join(dir, 'whole.index')
    writeIndexSnapshot(index, file)
    const bytes = readFileSync(file)
    expect(() => loadIndexSnapshot(Buffer.from(JSON.stringify(index)))).toThrow(/not an index snapshot/)
    expect(() => loadIndexSnapshot(bytes.subarray(0, 1000))).toThrow()
    expect(() => loadIndexSnapshot(bytes.subarray(0, bytes.length - 10))).toThrow()
    writeFileSync(file, Buffer.concat([bytes.subarray(0, 8), Buffer.from([9, 0, 0, 0]), bytes.subarray(12)]))
    expect(() => loadIndexSnapshot(readFileSync(file))).toThrow(/another format/)
  })
})
