import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { RowWriter } from './row-writer'

describe('RowWriter', () => {
  it('writes every row, in order, whether they fill whole statements or not', () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT)')
    const writer = new RowWriter(db, 'INSERT INTO t (a, b)', 2, 10)
    for (const count of [0, 7, 10, 253]) {
      db.exec('DELETE FROM t')
      writer.write(Array.from({ length: count }, (_, i) => [i, `row ${i}`]).flat())
      expect(db.prepare('SELECT a, b FROM t ORDER BY id').raw().all()).toEqual(Array.from({ length: count }, (_, i) => [i, `row ${i}`]))
    }
    db.close()
  })
})
