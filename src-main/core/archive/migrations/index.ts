// Numbered migrations, applied in order at open. PRAGMA user_version records how many ran.
import initial from './001_initial'
import changeCounter from './002_change_counter'
import importTracking from './003_import_tracking'
import timelineEvents from './004_timeline_events'
import originalBlobs from './005_original_blobs'
import articleIdsNeverReused from './006_article_ids_never_reused'

export const migrations: readonly string[] = [initial, changeCounter, importTracking, timelineEvents, originalBlobs, articleIdsNeverReused]
