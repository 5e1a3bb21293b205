// The timeline operations, implemented over the core. No transport concerns here.
import { AppError } from '../../core/errors'
import type { Archive } from '../../core/archive/archive'
import type { SearchService } from '../../core/search/service'
import { buildTimeline } from '../../core/timeline/events'
import type { Timeline, TimelineScope } from '../../core/timeline/events-types'
import { exportTimeline } from '../../core/timeline/export'
import {
  addToCollection,
  collectionArticleIds,
  createCollection,
  deleteCollection,
  deleteTimeline,
  getCollection,
  getTimeline,
  listCollections,
  listTimelines,
  loadTimelineArticles,
  saveTimeline,
} from '../../core/timeline/store'
import { printPdfWithChromium } from '../../core/pdf'
import type { HandlersFor } from '../contract'
import type { timelineContract } from '../contracts/timeline'
import type { EngineContext } from '../context'

/**
 * The article ids of a scope, in reading order: hand-picked ids as given, a collection in its order,
 * a query's hits that have all its words, best first (at most `limit`). Several: the articles in all.
 */
export async function resolveScope(archive: Archive, search: SearchService | undefined, scope: TimelineScope, limit = 500): Promise<number[]> {
  let ids: number[] | undefined = scope.ids ? [...new Set(scope.ids)] : undefined
  if (scope.collection !== undefined) {
    const inCollection = collectionArticleIds(archive.db, scope.collection)
    ids = ids ? ids.filter((id) => inCollection.includes(id)) : inCollection
  }
  if (scope.query !== undefined) {
    if (!search) throw new AppError('internal', 'Search is not available in this mode, so a timeline cannot be built from a query.')
    await search.ready
    const page = await search.query({ q: scope.query, limit, offset: 0, sort: 'relevance', filters: ids ? { ids: new Set(ids) } : {} })
    ids = page.hits.filter((h) => !h.partial).map((h) => h.id)
  }
  return ids ?? []
}

/** A default name for a timeline built without a title. */
export function scopeName(archive: Archive, scope: TimelineScope): string {
  if (scope.query) return scope.query
  if (scope.collection !== undefined) return getCollection(archive.db, scope.collection).name
  return `${scope.ids?.length ?? 0} articles`
}

export function timelineHandlers(ctx: EngineContext): HandlersFor<typeof timelineContract> {
  const { archive, jobs } = ctx
  const db = archive.db

  return {
    'timeline.build': ({ query, collection, ids, title, limit }) => {
      const scope: TimelineScope = { ...(query !== undefined ? { query } : {}), ...(collection !== undefined ? { collection } : {}), ...(ids ? { ids } : {}) }
      // checked now, so a missing collection is an error of the call, not of the job
      if (collection !== undefined) getCollection(db, collection)
      return jobs.start<Timeline>('timeline.build', async ({ progress, signal }) => {
        const articleIds = await resolveScope(archive, ctx.search, scope, limit)
        const articles = loadTimelineArticles(db, articleIds)
        progress({ done: 0, total: articles.length })
        const timeline = buildTimeline(articles, {
          name: title ?? scopeName(archive, scope),
          scope,
          signal,
          onProgress: (done, total) => {
            if (done % 20 === 0 || done === total) progress({ done, total })
          },
        })
        if (signal.aborted) throw new AppError('cancelled', 'The timeline was not built: cancelled.')
        return timeline
      })
    },

    'timeline.save': ({ id, name, scope, events, overwrite }) => saveTimeline(db, { id, name, scope, events, overwrite }),
    'timeline.list': () => listTimelines(db),
    'timeline.get': ({ id }) => getTimeline(db, id),
    'timeline.delete': ({ id }) => (deleteTimeline(db, id), { deleted: true as const }),

    'timeline.export': ({ id, timeline, format, hijri, locale }) => {
      const source = id !== undefined ? getTimeline(db, id) : timeline!
      return jobs.start('timeline.export', async ({ progress }) => {
        progress({ done: 0, total: 1 })
        const file = await exportTimeline(source, { format, hijri, locale, printPdf: ctx.printPdf ?? printPdfWithChromium })
        progress({ done: 1, total: 1 })
        return { fileName: file.fileName, mime: file.mime, base64: file.bytes.toString('base64') }
      })
    },

    'collections.list': () => listCollections(db),
    'collections.create': ({ name, description, ids }) => createCollection(db, { name, description, ids }),
    'collections.add': ({ id, ids }) => addToCollection(db, id, ids),
    'collections.delete': ({ id }) => (deleteCollection(db, id), { deleted: true as const }),
  }
}
