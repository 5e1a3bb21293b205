// 004 — what a saved timeline event needs beyond 001's columns: its key (stable across saves, so the
// window can keep a selection), its place in the timeline, and, for a relative date that could not be
// placed (an undated article's "أمس"), the flag and the words as written.
export default /* sql */ `
ALTER TABLE timeline_events ADD COLUMN event_key TEXT;
ALTER TABLE timeline_events ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timeline_events ADD COLUMN unresolved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE timeline_events ADD COLUMN mention TEXT;
CREATE INDEX timeline_events_position ON timeline_events(timeline_id, position);
`
