// 002 — a counter that moves on every change to the articles, so a saved search index can tell
// whether it still describes the archive (a count alone misses an add balanced by a delete).
export default /* sql */ `
CREATE TABLE archive_state (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO archive_state (key, value) VALUES ('articles_generation', 0);

CREATE TRIGGER articles_generation_insert AFTER INSERT ON articles BEGIN
  UPDATE archive_state SET value = value + 1 WHERE key = 'articles_generation';
END;
CREATE TRIGGER articles_generation_update AFTER UPDATE ON articles BEGIN
  UPDATE archive_state SET value = value + 1 WHERE key = 'articles_generation';
END;
CREATE TRIGGER articles_generation_delete AFTER DELETE ON articles BEGIN
  UPDATE archive_state SET value = value + 1 WHERE key = 'articles_generation';
END;
`
