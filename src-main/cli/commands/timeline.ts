// `arshif timeline [--query Q | --collection C | --ids 1,2,3] [--title T] (--pdf F | --html F | --csv F | --json)`:
// the dated events of a set of articles, merged across articles and in order, written as PDF, HTML,
// CSV, JSON (on stdout), or, with none of those, listed on stdout as text.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { AppError } from '../../core/errors'
import { SearchService } from '../../core/search/service'
import { buildTimeline } from '../../core/timeline/events'
import type { TimelineScope } from '../../core/timeline/events-types'
import { exportTimeline, formatEventDate, visibleEvents } from '../../core/timeline/export'
import { findCollectionByName, getCollection, loadTimelineArticles } from '../../core/timeline/store'
import { resolveScope, scopeName } from '../../api/handlers/timeline'
import { err, intOption, openArchive, out, UsageError, type Options } from '../common'
import type { Archive } from '../../core/archive/archive'

function parseIds(value: string): number[] {
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean).map(Number)
  if (!ids.length || ids.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--ids takes article ids separated by commas, e.g. --ids 1,2,3')
  return ids
}

/** A collection given by id or by name. */
function collectionId(archive: Archive, value: string): number {
  if (/^\d+$/.test(value)) return getCollection(archive.db, Number(value)).id
  const found = findCollectionByName(archive.db, value)
  if (!found) throw new AppError('not_found', `There is no collection named "${value}" in ${archive.dir}.`)
  return found.id
}

export async function timelineCommand(values: Options, args: string[]): Promise<number> {
  const query = values.query ?? (args.length ? args.join(' ').trim() : undefined)
  if (!query && !values.collection && !values.ids) throw new UsageError('timeline needs --query, --collection or --ids')
  const limit = intOption(values.limit, 'limit', 500, 1)

  const archive = openArchive(values)
  let search: SearchService | undefined
  try {
    const scope: TimelineScope = {
      ...(query ? { query } : {}),
      ...(values.collection ? { collection: collectionId(archive, values.collection) } : {}),
      ...(values.ids ? { ids: parseIds(values.ids) } : {}),
    }
    if (scope.query) {
      search = new SearchService({
        archiveDir: archive.dir,
        onStatus: (s) => {
          if (s.state === 'building' && s.done === s.total) err(`building the search index: ${s.done}/${s.total}`)
        },
      })
    }
    const ids = await resolveScope(archive, search, scope, limit)
    const articles = loadTimelineArticles(archive.db, ids)
    const timeline = buildTimeline(articles, { name: values.title ?? scopeName(archive, scope), scope })
    const stats = timeline.stats!
    err(`${stats.events} events (${stats.unresolved} undated) from ${stats.mentions} date mentions in ${stats.articles} articles`)

    const outputs: [('pdf' | 'html' | 'csv'), string | undefined][] = [
      ['pdf', values.pdf],
      ['html', values.html],
      ['csv', values.csv],
    ]
    for (const [format, file] of outputs) {
      if (!file) continue
      const made = await exportTimeline(timeline, { format })
      writeFileSync(resolve(file), made.bytes)
      err(`wrote ${resolve(file)}`)
    }
    if (values.json) out((await exportTimeline(timeline, { format: 'json' })).bytes.toString('utf8'))
    else if (!outputs.some(([, f]) => f)) {
      for (const e of visibleEvents(timeline)) {
        const cites = e.sources.map((s) => s.articleId).join(',')
        out(`${formatEventDate(e).padEnd(22)}  ${e.label}  [${cites}]`)
      }
    }
    return 0
  } finally {
    await search?.close()
    archive.close()
  }
}
