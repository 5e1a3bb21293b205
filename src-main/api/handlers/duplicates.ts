// The duplicates operations, implemented over the core. No transport concerns here.
import type { HandlersFor } from '../contract'
import type { duplicatesContract } from '../contracts/duplicates'
import type { EngineContext } from '../context'
import { AppError } from '../../core/errors'
import { linkedArticles } from '../../core/import/near-duplicates'

export function duplicatesHandlers(ctx: EngineContext): HandlersFor<typeof duplicatesContract> {
  return {
    'duplicates.of': ({ id }) => {
      const exists = ctx.archive.db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck().get(id)
      if (!exists) throw new AppError('not_found', `There is no article ${id}.`)
      return linkedArticles(ctx.archive.db, id)
    },
  }
}
