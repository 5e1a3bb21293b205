// 006 — an article's id is never given to another article. SQLite's rowid is one more than the
// largest in the table, so undoing the newest batch handed its ids to the next import: a search
// index that saw both only through the change counter kept the undone articles' text under them.
// `articles_last_id` remembers the highest id ever used; inserts take the next one
// (Archive.insertArticles). One trigger keeps both counters, in the same UPDATE as before.
export default /* sql */ `
INSERT INTO archive_state (key, value) VALUES ('articles_last_id', (SELECT COALESCE(MAX(id), 0) FROM articles));

DROP TRIGGER articles_generation_insert;
CREATE TRIGGER articles_generation_insert AFTER INSERT ON articles BEGIN
  UPDATE archive_state SET value = CASE key WHEN 'articles_generation' THEN value + 1 ELSE max(value, NEW.id) END
  WHERE key IN ('articles_generation', 'articles_last_id');
END;
`
