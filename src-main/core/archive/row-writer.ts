// Writing many rows of one table: a multi-row INSERT for each full batch of rows and a single-row
// one for the rest, both prepared once. Binding 100 rows in one statement costs about what one
// row does, so rows that can wait (an import's, written at its commits) go in this way.
import type Database from 'better-sqlite3'

export class RowWriter {
  private readonly many: Database.Statement
  private readonly one: Database.Statement

  /** `insert`: the statement up to VALUES, e.g. `INSERT OR IGNORE INTO t (a, b)`. */
  constructor(
    db: Database.Database,
    insert: string,
    private readonly columns: number,
    private readonly rowsPerStatement: number,
  ) {
    const row = `(${Array(columns).fill('?').join(', ')})`
    this.many = db.prepare(`${insert} VALUES ${Array(rowsPerStatement).fill(row).join(', ')}`)
    this.one = db.prepare(`${insert} VALUES ${row}`)
  }

  /** Writes the rows in `values`, one after another (`columns` values each), in that order. */
  write(values: readonly unknown[]): void {
    const step = this.columns * this.rowsPerStatement
    let i = 0
    for (; i + step <= values.length; i += step) this.many.run(values.slice(i, i + step))
    for (; i < values.length; i += this.columns) this.one.run(values.slice(i, i + this.columns))
  }
}
