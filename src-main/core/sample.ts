// The bundled sample archive: articles the team wrote, loaded into an empty archive on first start
// so that a newcomer has something to search, compare and put on a timeline.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Archive } from './archive/archive'
import type { ParsedArticle } from './model'
import { linkAddedArticles } from './import/near-duplicates'

interface SampleArticle {
  title: string
  source: string
  author: string
  date: string
  url?: string
  tags?: string[]
  paragraphs: string[]
}

const SAMPLE_LOADED = 'sample.loaded'

export function readSampleArticles(resourcesDir: string): ParsedArticle[] {
  const raw = JSON.parse(readFileSync(join(resourcesDir, 'sample', 'articles.json'), 'utf8')) as SampleArticle[]
  return raw.map((s) => ({
    title: s.title,
    paragraphs: s.paragraphs,
    publishedAt: s.date,
    datePrecision: s.date.length === 7 ? 'month' : s.date.length === 4 ? 'year' : 'day',
    source: s.source,
    author: s.author || null,
    url: s.url ?? null,
    language: 'ar',
    tags: s.tags ?? [],
  }))
}

/**
 * Loads the sample into an archive that has never had it and is empty. Runs once per archive:
 * a user who deletes the sample articles does not get them back on the next start.
 */
export function loadSampleIfEmpty(archive: Archive, resourcesDir: string): number {
  if (archive.getSetting(SAMPLE_LOADED, false) || archive.articleCount() > 0) return 0
  const articles = readSampleArticles(resourcesDir)
  const batch = archive.beginBatch('Sample archive / الأرشيف التجريبي', 'sample')
  // The sample holds a wire story and two reprints of it: linked as an import would link them.
  const outcomes = archive.db.transaction(() => {
    const added = archive.addArticles(articles, batch)
    linkAddedArticles(archive.db, articles, added)
    return added
  })()
  const added = outcomes.filter((o) => o.status === 'added').length
  archive.finishBatch(batch, 'done', { imported: added, duplicates: outcomes.length - added }, [])
  archive.setSetting(SAMPLE_LOADED, true)
  return added
}
