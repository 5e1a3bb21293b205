// The reader thread (./reader.ts): reads and prepares the batch's units and posts them to the
// import thread in chunks, never more than MAX_CHUNKS_AHEAD chunks ahead of what it has taken.
import { parentPort, workerData } from 'node:worker_threads'
import { readUnits, type ReadEvent } from './read-units'
import { MAX_CHUNKS_AHEAD, type ReaderInit, type ReaderMessage } from './reader'

const port = parentPort!
const init = workerData as ReaderInit

/** A chunk goes out when it holds this many units or bytes, or has waited this long. */
const CHUNK_UNITS = 256
/** …except the first, which goes out sooner: the import thread has nothing to write until it comes. */
const FIRST_CHUNK_UNITS = 16
const CHUNK_BYTES = 4 * 1024 * 1024
const CHUNK_MS = 50

let ahead = 0
let resume: (() => void) | null = null
port.on('message', () => {
  ahead--
  resume?.()
})

let chunk: ReadEvent[] = []
let posted = 0
let chunkBytes = 0
let chunkStarted = 0
const transfers: ArrayBuffer[] = []

function post(m: ReaderMessage): void {
  port.postMessage(m, transfers)
  transfers.length = 0
}

/** Waits until the import thread has taken enough chunks for one more. */
async function room(): Promise<void> {
  while (ahead >= MAX_CHUNKS_AHEAD) await new Promise<void>((r) => (resume = r))
  resume = null
}

async function flush(): Promise<void> {
  await room()
  ahead++
  post({ type: 'events', events: chunk })
  posted++
  chunk = []
  chunkBytes = 0
}

async function emit(e: ReadEvent): Promise<boolean> {
  if (chunk.length === 0) chunkStarted = Date.now()
  if (e.type === 'unit') {
    // The bytes move to the import thread instead of being copied, when they own their memory
    // (a small Buffer may be a slice of a shared pool, which must not be handed away).
    const b = e.bytes
    if (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer) transfers.push(b.buffer)
    chunkBytes += b.byteLength
  }
  chunk.push(e)
  if (chunk.length >= (posted === 0 ? FIRST_CHUNK_UNITS : CHUNK_UNITS) || chunkBytes >= CHUNK_BYTES || Date.now() - chunkStarted >= CHUNK_MS) await flush()
  return true
}

try {
  const finished = await readUnits(init.files, { root: init.root, done: new Set(init.done), fieldMap: init.fieldMap, zipLimits: init.zipLimits }, emit)
  await room()
  post({ type: 'events', events: chunk, finished })
} catch (e) {
  post({ type: 'error', message: e instanceof Error ? e.message : String(e) })
} finally {
  port.close()
}
