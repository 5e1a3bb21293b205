// 005 — small originals kept inside the database: creating a file per original cost more than the
// rest of an import. `address` is the same content address storeOriginal returned before
// (`originals/ab/<sha256><ext>`), so articles.original_file means the same thing whether the bytes
// are a row here or a loose file under originals/ (large files, and archives from before 005).
// A rowid table, not WITHOUT ROWID: the blobs are large next to a page.
export default /* sql */ `
CREATE TABLE original_blobs (
  id      INTEGER PRIMARY KEY,
  address TEXT NOT NULL UNIQUE,
  bytes   BLOB NOT NULL
);
`
