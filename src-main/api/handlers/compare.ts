// The compare operations, implemented over the core. No transport concerns here.
import { AppError } from '../../core/errors'
import type { Article } from '../../core/model'
import { articleSummary, compareArticles, exportComparison, findSimilar } from '../../core/compare'
import { printPdfWithChromium } from '../../core/pdf'
import type { HandlersFor } from '../contract'
import type { compareContract } from '../contracts/compare'
import type { EngineContext } from '../context'

export function compareHandlers(ctx: EngineContext): HandlersFor<typeof compareContract> {
  const { archive, jobs } = ctx
  const article = (id: number): Article => {
    const found = archive.getArticle(id)
    if (!found) throw new AppError('not_found', `There is no article ${id} in this archive.`)
    return found
  }
  const pair = (a: number, b: number) => {
    if (a === b) throw new AppError('invalid_argument', 'Compare two different articles.')
    return compareArticles(article(a), article(b))
  }

  return {
    'compare.pair': ({ a, b }) => pair(a, b),

    'compare.many': ({ base, others }) => {
      const baseArticle = article(base)
      const rows = [...new Set(others)]
        .filter((id) => id !== base)
        .map((id) => {
          const other = article(id)
          return { other: articleSummary(other), summary: compareArticles(baseArticle, other).summary }
        })
      return { base: articleSummary(baseArticle), rows }
    },

    'compare.similar': async ({ id, limit }) => {
      const search = ctx.search
      if (!search) throw new AppError('internal', 'Search is not available in this mode.')
      await search.ready
      return findSimilar(archive, (q, n) => search.topIds({ q, sort: 'relevance' }, n), id, limit)
    },

    'compare.export': ({ a, b, format }) => {
      const comparison = pair(a, b) // fails now, not inside the job, when an article is missing
      return jobs.start('compare.export', async ({ progress }) => {
        progress({ done: 0, total: 1, current: format })
        const file = await exportComparison(comparison, format, ctx.printPdf ?? printPdfWithChromium)
        progress({ done: 1, total: 1 })
        return { fileName: file.fileName, mime: file.mime, base64: file.data.toString('base64') }
      })
    },
  }
}
