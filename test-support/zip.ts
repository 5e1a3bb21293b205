// Reading the one JSON file inside a SaudiNewsNet zip, for tests and benchmarks (not the importer's
// way: src-main/core/import/zip.ts streams and checks every entry).
import yauzl from 'yauzl'
import { crc32, deflateRawSync } from 'node:zlib'

export function readFirstZipEntry(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err)
      zip.readEntry()
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e)
          const chunks: Buffer[] = []
          stream.on('data', (c: Buffer) => chunks.push(c))
          stream.on('end', () => {
            zip.close()
            resolve(Buffer.concat(chunks))
          })
        })
      })
    })
  })
}

export interface ZipEntrySpec {
  name: string
  data?: Buffer | string
  /** Store instead of deflate. */
  stored?: boolean
  /** Sets the "encrypted" flag (the data is not really encrypted). */
  encrypted?: boolean
  /** Lie about the uncompressed size in the headers. */
  claimedSize?: number
  /** Already deflated data (then `data` is unused and the CRC is left 0). */
  deflated?: Buffer
}

/** A ZIP archive built byte by byte (local headers, data, central directory, end record), lies included. */
export function makeZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data, 'utf8') : (e.data ?? Buffer.alloc(0))
    const body = e.deflated ?? (e.stored || e.name.endsWith('/') ? data : deflateRawSync(data))
    const method = !e.deflated && (e.stored || e.name.endsWith('/')) ? 0 : 8
    const name = Buffer.from(e.name, 'utf8')
    const flags = 0x800 | (e.encrypted ? 1 : 0)
    const crc = e.deflated ? 0 : crc32(data)
    const size = e.claimedSize ?? data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(0, 10)
    local.writeUInt16LE(0x21, 12) // 1980-01-01
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(0, 12)
    central.writeUInt16LE(0x21, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
