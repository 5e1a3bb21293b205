// 003 — what imports need beyond the articles themselves:
// - near-duplicates (core/import/near-duplicates.ts): each article's MinHash signature, its LSH
//   band keys for candidate lookup, and the links between an article and the earlier ones it
//   resembles, with the estimated similarity;
// - resuming an import after a crash (core/import/importer.ts): a batch's input paths and options,
//   and each file's outcome, written in the same transaction as the file's articles.
export default /* sql */ `
CREATE TABLE article_signatures (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  signature  BLOB NOT NULL                      -- MinHash values, uint32 little-endian
);

-- No foreign key here on purpose: a cascade would need a second index on article_id (a write
-- per band on every import). Rows of a deleted article are harmless (every candidate is checked
-- against article_signatures, which cascades) and undoing a batch removes its rows.
CREATE TABLE article_bands (
  band       INTEGER NOT NULL,                  -- band number in the high bits, hash of its values in the low 32
  article_id INTEGER NOT NULL,
  PRIMARY KEY (band, article_id)
) WITHOUT ROWID;

-- article_id resembles original_id, the earlier of the two (by publication date, then by id).
CREATE TABLE article_links (
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  original_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  similarity  REAL NOT NULL,                    -- estimated Jaccard similarity of word shingles, 0..1
  PRIMARY KEY (article_id, original_id)
) WITHOUT ROWID;
CREATE INDEX article_links_original ON article_links(original_id);

CREATE TABLE import_batch_inputs (
  batch_id INTEGER PRIMARY KEY REFERENCES import_batches(id) ON DELETE CASCADE,
  paths    TEXT NOT NULL,                       -- JSON: absolute paths as given
  options  TEXT NOT NULL DEFAULT '{}',          -- JSON: field map …
  pid      INTEGER NOT NULL,                    -- the process that runs it: alive means not interrupted
  host     TEXT NOT NULL DEFAULT ''
);

-- One row per unit (a file, or an entry of a zip), written with the unit's articles.
CREATE TABLE import_file_outcomes (
  id       INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  unit     TEXT NOT NULL,                       -- absolute path, or <zip path>/<entry>
  outcome  TEXT NOT NULL,                       -- JSON FileOutcome
  UNIQUE (batch_id, unit)
);
`
