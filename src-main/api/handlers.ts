// The contract's operations, implemented over the core. No transport concerns here.
import { AppError } from '../core/errors'
import type { Archive } from '../core/archive/archive'
import type { AppInfo, Handlers, Settings } from './contract'

export interface EngineContext {
  archive: Archive
  host: AppInfo['host']
  version: string
}

const DEFAULT_SETTINGS: Settings = { locale: 'ar' }

export function createHandlers({ archive, host, version }: EngineContext): Handlers {
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
    'settings.get': readSettings,
    'settings.set': (patch) => {
      const next = { ...readSettings(), ...patch }
      archive.setSetting('ui', next)
      return next
    },
  }
}
