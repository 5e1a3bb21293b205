// The contract's operations, implemented over the core. No transport concerns here.
import { AppError } from '../core/errors'
import type { SearchService } from '../core/search/service'
import { findMatches } from '../core/search/analysis'
import { queryWords } from '../core/search/query'
import type { Handlers, Settings } from './contract'
import type { EngineContext } from './context'
import { importHandlers } from './handlers/import'
import { compareHandlers } from './handlers/compare'
import { timelineHandlers } from './handlers/timeline'
import { desktopHandlers } from './handlers/desktop'
import { duplicatesHandlers } from './handlers/duplicates'
import { backupHandlers } from './handlers/backup'

export type { EngineContext } from './context'

const DEFAULT_SETTINGS: Settings = { locale: 'ar' }

export function createHandlers(ctx: EngineContext): Handlers {
  const { archive, host, version, search, jobs } = ctx
  const searchService = (): SearchService => {
    if (!search) throw new AppError('internal', 'Search is not available in this mode.')
    return search
  }

  const readSettings = (): Settings => ({ ...DEFAULT_SETTINGS, ...archive.getSetting<Partial<Settings>>('ui', {}) })

  return {
    'app.info': () => ({
      name: 'Arshif',
      version,
      archiveDir: archive.dir,
      articleCount: archive.articleCount(),
      schemaVersion: archive.schemaVersion,
      host,
    }),
    'articles.list': (args) => archive.listArticles(args),
    'articles.get': ({ id }) => {
      const article = archive.getArticle(id)
      if (!article) throw new AppError('not_found', `There is no article ${id} in this archive.`)
      return article
    },
    'sources.list': () => archive.listSources(),
    'search.query': async ({ filters: { tags, collections, ...filters }, ...req }) => {
      const ids = tags?.length || collections?.length ? archive.articleIdsIn({ tags, collections }) : undefined
      const service = searchService()
      await service.ready
      return service.query({ ...req, filters: { ...filters, ids } })
    },
    'search.suggest': async ({ prefix, limit }) => {
      const service = searchService()
      await service.ready
      return service.suggest(prefix, limit)
    },
    'search.highlight': ({ id, q }) => {
      const article = archive.getArticle(id)
      if (!article) throw new AppError('not_found', `There is no article ${id} in this archive.`)
      const words = queryWords(q)
      return { title: findMatches(article.title, words), paragraphs: article.paragraphs.map((p) => findMatches(p, words)) }
    },
    'search.status': () => (search ? search.status : { state: 'failed', done: 0, total: 0, documents: 0, error: 'Search is not available in this mode.' }),
    'settings.get': readSettings,
    'settings.set': (patch) => {
      const next = { ...readSettings(), ...patch }
      archive.setSetting('ui', next)
      return next
    },
    'jobs.get': ({ id }) => jobs.get(id),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
    ...importHandlers(ctx),
    ...compareHandlers(ctx),
    ...timelineHandlers(ctx),
    ...desktopHandlers(ctx),
    ...duplicatesHandlers(ctx),
    ...backupHandlers(ctx),
  }
}
