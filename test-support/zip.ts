// Reading the one JSON file inside a SaudiNewsNet zip, for tests and benchmarks (not the importer's
// way: src-main/core/import/zip.ts streams and checks every entry).
import yauzl from 'yauzl'

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
