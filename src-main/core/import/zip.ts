// ZIP archives as import inputs. An archive is streamed entry by entry (yauzl, lazyEntries), each
// file inside becomes an import unit of its own named `<zip path>/<entry path>`, and goes through
// the same parseFile path as a file on disk (../importer.ts). Nothing is ever extracted to disk.
//
// Refused, each with a reason in the report while the rest of the archive goes on:
// - names with `..` segments, absolute paths, drive letters (`C:`), backslash tricks (`..\x`
//   is read as `../x`), NUL characters;
// - encrypted entries;
// - zip bombs: an entry over `maxEntryBytes`, or over `maxRatio`:1 once above `ratioFloorBytes`,
//   or the archive as a whole over `maxTotalBytes` uncompressed (that stops the rest of it).
//   The header sizes are checked first, but never trusted: bytes are counted while streaming and
//   the entry is aborted as soon as a limit is crossed (and yauzl's validateEntrySizes aborts an
//   entry whose data outgrows the size its header claims);
// - entries whose data is damaged (inflate error, size or CRC-32 not matching the headers);
// - ZIP archives inside the ZIP: not opened (a nested archive is how recursive bombs are made, and
//   one level is what real collections use). The archivist can extract it and import it alone.
// A corrupt or truncated archive is reported once, as a whole, with what could be read kept.
// Directories, hidden entries (`.name`, any segment) and `__MACOSX` resource forks are skipped.
import { closeSync, openSync, readSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import yauzl, { type Entry, type ZipFile } from 'yauzl'

export interface ZipLimits {
  /** Largest uncompressed entry, the same limit as a file on disk (importer's MAX_FILE_BYTES). */
  maxEntryBytes: number
  /** Largest uncompressed total of one archive. */
  maxTotalBytes: number
  /** Largest uncompressed:compressed ratio of an entry above ratioFloorBytes. */
  maxRatio: number
  ratioFloorBytes: number
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 256 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
}

/** One unit of a ZIP archive: an entry's bytes, an entry refused, or the archive itself failing. */
export type ZipUnit =
  | { kind: 'file'; entry: string; bytes: Buffer }
  | { kind: 'refused'; entry: string; reason: string }
  | { kind: 'failed'; reason: string }

const SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/** A `.zip` file, or any file starting with the local-header signature PK\x03\x04. */
export function looksLikeZip(path: string): boolean {
  if (path.toLowerCase().endsWith('.zip')) return true
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    const head = Buffer.alloc(4)
    return readSync(fd, head, 0, 4, 0) === 4 && head.equals(SIGNATURE)
  } catch {
    return false // unreadable: the ordinary file path reports why
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

class Refusal extends Error {}
/** The archive's total is over the limit: this entry and the rest of the archive are refused. */
class TotalRefusal extends Refusal {}

const mb = (n: number) => `${Math.round((n / 2 ** 20) * 10) / 10} MB`

/** Why an entry name is refused, or null. `name` has backslashes already turned into slashes. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\0')) return 'The name holds a NUL character.'
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'The name is an absolute path.'
  if (name.split('/').includes('..')) return 'The name climbs out of the archive with "..".'
  return null
}

const skipped = (name: string) => name.endsWith('/') || name.split('/').some((s) => s.startsWith('.') || s === '__MACOSX')

/** The entry name: UTF-8 when flagged, or when the bytes are valid UTF-8 (Arabic names from tools
 *  that do not set the flag), else CP437 as the format says; backslashes read as slashes. */
function entryName(entry: Entry): string {
  let flags = entry.generalPurposeBitFlag
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(entry.fileNameRaw)
    flags |= 0x800
  } catch {
    /* not UTF-8: CP437 */
  }
  return yauzl.getFileNameLowLevel(flags, entry.fileNameRaw, entry.extraFields, false)
}

/**
 * Streams the archive at `path`, calling `onUnit` for each unit in order and waiting for it before
 * reading the next entry. `onUnit` returning false stops (cancellation); readZip then resolves to
 * false, else to true. Never throws for a bad archive: that is reported as a `failed` unit.
 */
export async function readZip(path: string, onUnit: (u: ZipUnit) => boolean | void | Promise<boolean | void>, limits: ZipLimits = ZIP_LIMITS): Promise<boolean> {
  let zip: ZipFile
  try {
    // decodeStrings: false, so that one bad name is refused on its own instead of yauzl failing
    // the whole archive; names are decoded and validated here.
    zip = await new Promise<ZipFile>((res, rej) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, z) => (err || !z ? rej(err ?? new Error('no archive')) : res(z))),
    )
  } catch (e) {
    return (await onUnit({ kind: 'failed', reason: `This ZIP archive could not be read (damaged or truncated?): ${message(e)}` })) !== false
  }

  let pending: { res: (e: Entry | null) => void; rej: (e: unknown) => void } | null = null
  zip.on('entry', (e: Entry) => pending?.res(e))
  zip.on('end', () => pending?.res(null))
  zip.on('error', (err: unknown) => pending?.rej(err))
  const next = () =>
    new Promise<Entry | null>((res, rej) => {
      pending = { res, rej }
      zip.readEntry()
    })

  let total = 0
  let units = 0
  const emit = async (u: ZipUnit) => {
    units++
    return (await onUnit(u)) !== false
  }
  try {
    for (;;) {
      let entry: Entry | null
      try {
        entry = await next()
      } catch (e) {
        return emit({ kind: 'failed', reason: `This ZIP archive is damaged; the entries after this point could not be read: ${message(e)}` })
      }
      if (!entry) break
      const name = entryName(entry)
      const refuse = (reason: string) => emit({ kind: 'refused', entry: name, reason })
      // Unsafe names first: `..` would otherwise pass for a hidden segment and be skipped silently.
      const bad = unsafeEntryName(name)
      if (bad) {
        if (!(await refuse(`${bad} Entry refused.`))) return false
        continue
      }
      if (skipped(name)) continue
      if (entry.isEncrypted()) {
        if (!(await refuse('The entry is encrypted; Arshif does not open password-protected archives.'))) return false
        continue
      }
      if (name.toLowerCase().endsWith('.zip')) {
        if (!(await refuse('A ZIP archive inside a ZIP archive is not opened; extract it and import it on its own.'))) return false
        continue
      }
      let bytes: Buffer
      try {
        bytes = await readEntry(zip, entry, limits, total)
      } catch (e) {
        const stopAll = e instanceof TotalRefusal
        // yauzl (validateEntrySizes) stops a stream that outgrows its header's size: a lying header.
        const why =
          e instanceof Refusal ? e.message
          : /too many bytes in the stream/.test(message(e)) ? `The entry holds more data than its header says (${message(e)}); refused as a likely zip bomb.`
          : `The entry could not be read (damaged?): ${message(e)}`
        if (!(await refuse(why))) return false
        if (stopAll) {
          return emit({ kind: 'failed', reason: `The archive holds over ${mb(limits.maxTotalBytes)} once uncompressed; the remaining entries were not read.` })
        }
        continue
      }
      total += bytes.length
      if (bytes.subarray(0, 4).equals(SIGNATURE)) {
        if (!(await refuse('A ZIP archive inside a ZIP archive is not opened; extract it and import it on its own.'))) return false
        continue
      }
      if (!(await emit({ kind: 'file', entry: name, bytes }))) return false
    }
    if (units === 0) return emit({ kind: 'failed', reason: 'No file was found in this ZIP archive.' })
    return true
  } finally {
    zip.close()
  }
}

/** An entry's bytes, counted while streaming: aborted as soon as a limit is crossed. */
function readEntry(zip: ZipFile, entry: Entry, limits: ZipLimits, totalBefore: number): Promise<Buffer> {
  const overLimit = (n: number): Refusal | null => {
    if (n > limits.maxEntryBytes) return new Refusal(`The entry is over ${mb(limits.maxEntryBytes)} uncompressed; entries that large are refused (zip bomb?).`)
    if (n > limits.ratioFloorBytes && n > limits.maxRatio * Math.max(entry.compressedSize, 1))
      return new Refusal(`The entry expands more than ${limits.maxRatio}:1 (${mb(entry.compressedSize)} compressed, over ${mb(n)} uncompressed); refused as a likely zip bomb.`)
    if (totalBefore + n > limits.maxTotalBytes) return new TotalRefusal(`The archive holds over ${mb(limits.maxTotalBytes)} once uncompressed; refused as a likely zip bomb.`)
    return null
  }
  // The headers first (cheap), then the real count while streaming, since headers can lie.
  const fromHeader = overLimit(entry.uncompressedSize)
  if (fromHeader) return Promise.reject(fromHeader)
  return new Promise<Buffer>((res, rej) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return rej(err ?? new Error('no stream'))
      const chunks: Buffer[] = []
      let n = 0
      let crc = 0
      let settled = false
      const fail = (e: unknown) => {
        if (settled) return
        settled = true
        stream.destroy()
        rej(e)
      }
      stream.on('data', (c: Buffer) => {
        if (settled) return
        n += c.length
        const why = overLimit(n)
        if (why) return fail(why)
        crc = crc32(c, crc)
        chunks.push(c)
      })
      stream.on('error', fail)
      stream.on('end', () => {
        if (settled) return
        if (crc !== entry.crc32) return fail(new Error('the CRC-32 checksum does not match'))
        settled = true
        res(Buffer.concat(chunks, n))
      })
    })
  })
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))
