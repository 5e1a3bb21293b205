// Damage on purpose, for the tests of backups and recovery (unit and e2e).
import { closeSync, fstatSync, openSync, writeSync } from 'node:fs'

/**
 * Overwrites pages in the middle of a SQLite file with garbage, leaving the header intact, so the
 * file still looks like a database and only an integrity check finds the damage.
 */
export function corruptDatabaseFile(file: string, pageSize = 4096): void {
  const fd = openSync(file, 'r+')
  try {
    const pages = Math.floor(fstatSync(fd).size / pageSize)
    if (pages < 4) throw new Error(`${file} is too small to damage in the middle (${pages} pages)`)
    const garbage = Buffer.alloc(pageSize, 0xa5)
    for (let p = Math.floor(pages / 3); p < Math.floor((2 * pages) / 3); p++) writeSync(fd, garbage, 0, pageSize, p * pageSize)
    // Page 2 onwards holds the schema's b-trees in a small file: hit it too so the damage shows.
    writeSync(fd, garbage, 0, pageSize, pageSize)
  } finally {
    closeSync(fd)
  }
}
