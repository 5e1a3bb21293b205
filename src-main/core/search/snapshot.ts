// Writing an index snapshot without holding it twice in memory. `JSON.stringify(index)` first makes
// MiniSearch's `toJSON()` object tree (an object per term, per field, per posting list), then one
// string of all of it: for SaudiNewsNet 6 s and +300 MB at the moment the index itself is largest.
// Here the same JSON, character for character (tested), is written a chunk at a time straight from
// the index's Maps, so `MiniSearch.loadJSON` reads it back as before.
import { closeSync, openSync, writeSync } from 'node:fs'
import type MiniSearch from 'minisearch'
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
  _index: Iterable<[string, Postings]>
}

const CHUNK_CHARS = 1 << 20

/** Writes `index` to `file` as `JSON.stringify(index)` would. */
export function writeIndexSnapshot(index: MiniSearch<any>, file: string): void {
  const ms = index as unknown as Internals
  if (!(ms._documentIds instanceof Map) || !(ms._fieldLength instanceof Map) || !(ms._storedFields instanceof Map) || typeof ms._index?.[Symbol.iterator] !== 'function') {
    writeWhole(file, JSON.stringify(index)) // an unknown MiniSearch: its own serializer
    return
  }
  const fd = openSync(file, 'w')
  try {
    let buffer = ''
    const write = (s: string) => {
      buffer += s
      if (buffer.length >= CHUNK_CHARS) {
        writeSync(fd, buffer)
        buffer = ''
      }
    }
    write(`{"documentCount":${JSON.stringify(ms._documentCount)},"nextId":${JSON.stringify(ms._nextId)}`)
    write(',"documentIds":')
    writeNumericObject(ms._documentIds, write, (v) => JSON.stringify(v))
    write(`,"fieldIds":${JSON.stringify(ms._fieldIds)},"fieldLength":`)
    writeNumericObject(ms._fieldLength, write, (v) => JSON.stringify(v))
    write(`,"averageFieldLength":${JSON.stringify(ms._avgFieldLength)},"storedFields":`)
    writeNumericObject(ms._storedFields, write, (v) => JSON.stringify(v))
    write(`,"dirtCount":${JSON.stringify(ms._dirtCount)},"index":[`)
    let first = true
    for (const [term, postings] of ms._index) {
      write(`${first ? '' : ','}[${JSON.stringify(term)},`)
      writeNumericObject(postings, write, (docs) => {
        let out = ''
        if (docs instanceof PostingList) {
          out = '{' // its documents are in order already
          docs.eachPosting((doc, count) => (out += `${out.length > 1 ? ',' : ''}"${doc}":${count}`))
          return `${out}}`
        }
        writeNumericObject(docs, (s) => (out += s), String)
        return out
      })
      write(']')
      first = false
    }
    write('],"serializationVersion":2}')
    if (buffer) writeSync(fd, buffer)
  } finally {
    closeSync(fd)
  }
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

function writeWhole(file: string, text: string): void {
  const fd = openSync(file, 'w')
  try {
    writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
}
