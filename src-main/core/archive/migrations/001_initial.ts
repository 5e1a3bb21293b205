// 001 — the first schema. Never edit a migration that has shipped: add the next number instead.
export default /* sql */ `
CREATE TABLE sources (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  url        TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);

CREATE TABLE import_batches (
  id          INTEGER PRIMARY KEY,
  label       TEXT NOT NULL,
  origin      TEXT NOT NULL,                    -- 'sample' | 'cli' | 'ui' …
  status      TEXT NOT NULL DEFAULT 'running'   -- running | done | cancelled | failed | undone
              CHECK (status IN ('running','done','cancelled','failed','undone')),
  started_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  finished_at TEXT,
  counts      TEXT NOT NULL DEFAULT '{}',       -- JSON: imported, duplicates, failed …
  report      TEXT NOT NULL DEFAULT '[]'        -- JSON: per-file outcome
);

CREATE TABLE articles (
  id             INTEGER PRIMARY KEY,
  title          TEXT NOT NULL DEFAULT '',
  title_derived  INTEGER NOT NULL DEFAULT 0,    -- 1 when made from the body, not found in the source
  body           TEXT NOT NULL DEFAULT '',      -- plain text, paragraphs separated by one blank line
  published_at   TEXT,                          -- ISO 8601, only as precise as date_precision says
  date_precision TEXT NOT NULL DEFAULT 'unknown'
                 CHECK (date_precision IN ('datetime','day','month','year','unknown')),
  source_id      INTEGER REFERENCES sources(id) ON DELETE SET NULL,
  author         TEXT,
  url            TEXT,
  language       TEXT NOT NULL DEFAULT 'ar',
  content_hash   TEXT NOT NULL UNIQUE,          -- sha256 of the normalized text: exact duplicates collide
  batch_id       INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  original_file  TEXT,                          -- path inside the archive folder (content-addressed)
  added_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX articles_published ON articles(published_at);
CREATE INDEX articles_source ON articles(source_id);
CREATE INDEX articles_batch ON articles(batch_id);

CREATE TABLE tags (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE collections (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE TABLE collection_articles (
  collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL DEFAULT 0,
  added_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  PRIMARY KEY (collection_id, article_id)
) WITHOUT ROWID;

CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  body        TEXT NOT NULL,
  range_start INTEGER,                          -- character range in the article body, if anchored
  range_end   INTEGER,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX notes_article ON notes(article_id);

CREATE TABLE timelines (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  scope      TEXT NOT NULL DEFAULT '{}',        -- JSON: the query, collection or ids it was built from
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE TABLE timeline_events (
  id          INTEGER PRIMARY KEY,
  timeline_id INTEGER NOT NULL REFERENCES timelines(id) ON DELETE CASCADE,
  date        TEXT NOT NULL,                    -- ISO: YYYY, YYYY-MM or YYYY-MM-DD
  precision   TEXT NOT NULL CHECK (precision IN ('day','month','year','part')),
  part        TEXT,                             -- early | mid | late | q1…q4 when precision = 'part'
  hijri       TEXT,
  label       TEXT NOT NULL,
  hidden      INTEGER NOT NULL DEFAULT 0,
  manual      INTEGER NOT NULL DEFAULT 0,       -- added or edited by hand
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX timeline_events_timeline ON timeline_events(timeline_id, date);
-- Which articles (and where in them) an event cites: one event, many sources.
CREATE TABLE timeline_event_sources (
  event_id   INTEGER NOT NULL REFERENCES timeline_events(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  char_start INTEGER,
  char_end   INTEGER,
  PRIMARY KEY (event_id, article_id)
) WITHOUT ROWID;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL                           -- JSON
) WITHOUT ROWID;
`
