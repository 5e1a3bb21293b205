// The saved search index: one file, read back whole at start.
//
// MiniSearch's own format is JSON with an object per posting list ({"doc": count, …}). Parsing that
// for half of SaudiNewsNet (2.3 M postings, 25 MB) took ~0.8 s and turning the objects into
// PostingLists another ~0.6 s, in each worker, with hundreds of MB of objects made only to be
// dropped. Here the postings are int32s the loader uses where they lie (each PostingList is a view
// of the file's bytes), and only the rest is JSON:
//
//   "ARSHIFIX" | u32 format | u32 n | n int32 postings | JSON (UTF-8) to the end of the file
//
// The postings, term after term in the order of the JSON's `terms`: the number of fields, then for
// each field its id, its number of postings and (document, count) pairs in increasing document
// order. Int32s are the machine's byte order (little-endian on every platform the app runs on);
// the header says which, and a snapshot that does not match is rebuilt like any unreadable one.
import { closeSync, openSync, writeSync } from 'node:fs'
import MiniSearch from 'minisearch'
import { indexOptions, type SearchDocument } from './engine'
import { PostingList } from './postings'

type Postings = Map<number, Map<number, number>>

interface Internals {
  _documentCount: number
  _nextId: number
  _documentIds: Map<number, unknown>
  _fieldIds: Record<string, number>
  _fieldLength: Map<number, number[]>
  _avgFieldLength: number[]
  _storedFields: Map<number, Record<string, unknown>>
  _dirtCount: number
  _index: Iterable<[string, Postings]> & { set(term: string, fields: Postings): void }
}

const MAGIC = 'ARSHIFIX'
/** Bumped with any change to the layout above. */
const FORMAT = 1
const HEADER_BYTES = 16
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1
const CHUNK_INTS = 1 << 18
const CHUNK_CHARS = 1 << 20

/** Writes `index` to `file` (see the layout above). */
export function writeIndexSnapshot(index: MiniSearch<SearchDocument>, file: string): void {
  const ms = index as unknown as Internals
  const fd = openSync(file, 'w')
  try {
    writeSync(fd, new Uint8Array(HEADER_BYTES)) // filled in last, once the postings are counted
    let ints = 0
    const chunk = new Int32Array(CHUNK_INTS)
    let used = 0
    const put = (n: number) => {
      chunk[used++] = n
      if (used === CHUNK_INTS) {
        writeSync(fd, chunk)
        ints += used
        used = 0
      }
    }
    const terms: string[] = []
    for (const [term, fields] of ms._index) {
      terms.push(term)
      put(fields.size)
      for (const [fieldId, docs] of fields) {
        put(fieldId)
        put(docs.size)
        if (docs instanceof PostingList) docs.eachPosting((doc, count) => (put(doc), put(count)))
        else for (const [doc, count] of inDocumentOrder(docs)) put(doc), put(count)
      }
    }
    if (used > 0) writeSync(fd, chunk.subarray(0, used))
    ints += used

    let text = ''
    const write = (s: string) => {
      text += s
      if (text.length >= CHUNK_CHARS) {
        writeSync(fd, text)
        text = ''
      }
    }
    write(`{"documentCount":${JSON.stringify(ms._documentCount)},"nextId":${JSON.stringify(ms._nextId)}`)
    write(',"documentIds":')
    writeNumericObject(ms._documentIds, write, (v) => JSON.stringify(v))
    write(`,"fieldIds":${JSON.stringify(ms._fieldIds)},"fieldLength":`)
    writeNumericObject(ms._fieldLength, write, (v) => JSON.stringify(v))
    write(`,"averageFieldLength":${JSON.stringify(ms._avgFieldLength)},"storedFields":`)
    writeNumericObject(ms._storedFields, write, (v) => JSON.stringify(v))
    write(`,"dirtCount":${JSON.stringify(ms._dirtCount)},"terms":`)
    writeList(terms, write)
    write('}')
    if (text) writeSync(fd, text)

    const header = Buffer.alloc(HEADER_BYTES)
    header.write(MAGIC, 0, 'latin1')
    header.writeUInt32LE(LITTLE_ENDIAN ? FORMAT : FORMAT | 0x80000000, 8)
    header.writeUInt32LE(ints, 12)
    writeSync(fd, header, 0, HEADER_BYTES, 0)
  } finally {
    closeSync(fd)
  }
}

/** Reads an index written by writeIndexSnapshot; throws on anything else (then it is rebuilt). */
export function loadIndexSnapshot(bytes: Buffer): MiniSearch<SearchDocument> {
  if (bytes.length < HEADER_BYTES || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not an index snapshot')
  if (bytes.readUInt32LE(8) !== (LITTLE_ENDIAN ? FORMAT : FORMAT | 0x80000000)) throw new Error('an index snapshot of another format or byte order')
  const ints = bytes.readUInt32LE(12)
  const jsonStart = HEADER_BYTES + ints * 4
  if (jsonStart > bytes.length) throw new Error('a truncated index snapshot')
  // A view where the bytes lie when they are aligned (a file read whole is), else a copy.
  const at = bytes.byteOffset + HEADER_BYTES
  const postings = at % 4 === 0 ? new Int32Array(bytes.buffer, at, ints) : new Int32Array(bytes.buffer.slice(at, at + ints * 4))
  const js = JSON.parse(bytes.toString('utf8', jsonStart)) as Record<string, unknown> & { terms: string[] }
  const { terms, ...rest } = js
  const index = MiniSearch.loadJS<SearchDocument>({ ...rest, index: [], serializationVersion: 2 } as never, indexOptions())
  const tree = (index as unknown as Internals)._index
  let i = 0
  const next = () => {
    if (i >= ints) throw new Error('a truncated index snapshot')
    return postings[i++]!
  }
  for (const term of terms) {
    const fields: Postings = new Map()
    for (let f = next(); f > 0; f--) {
      const fieldId = next()
      const pairs = next()
      if (pairs < 0 || i + pairs * 2 > ints) throw new Error('a truncated index snapshot')
      fields.set(fieldId, PostingList.over(postings.subarray(i, i + pairs * 2)))
      i += pairs * 2
    }
    tree.set(term, fields)
  }
  if (i !== ints) throw new Error('an index snapshot whose postings and terms disagree')
  return index
}

/** A Map's postings by increasing document (MiniSearch's own Maps may have them out of order). */
function inDocumentOrder(docs: Map<number, number>): Iterable<[number, number]> {
  let previous = -1
  for (const doc of docs.keys()) {
    if (doc <= previous) return [...docs].sort((a, b) => a[0] - b[0])
    previous = doc
  }
  return docs
}

/**
 * A Map with integer keys as JSON.stringify(Object.fromEntries(map)) writes it: an object whose
 * integer keys come in ascending order, whatever order the Map has them in.
 */
function writeNumericObject<V>(map: Map<number, V>, write: (s: string) => void, value: (v: V) => string): void {
  let keys: Iterable<number> = map.keys()
  let previous = -1
  for (const key of map.keys()) {
    if (key <= previous) {
      keys = [...map.keys()].sort((a, b) => a - b)
      break
    }
    previous = key
  }
  let out = '{'
  let first = true
  for (const key of keys) {
    out += `${first ? '' : ','}"${key}":${value(map.get(key)!)}`
    first = false
    if (out.length >= CHUNK_CHARS) {
      write(out)
      out = ''
    }
  }
  write(`${out}}`)
}

function writeList(items: string[], write: (s: string) => void): void {
  let out = '['
  for (let k = 0; k < items.length; k++) {
    out += `${k ? ',' : ''}${JSON.stringify(items[k])}`
    if (out.length >= CHUNK_CHARS) {
      write(out)
      out = ''
    }
  }
  write(`${out}]`)
}
