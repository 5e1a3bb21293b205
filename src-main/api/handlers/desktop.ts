// The desktop operations, implemented over the core. No transport concerns here.
import { AppError } from '../../core/errors'
import type { HandlersFor } from '../contract'
import { checkExternalUrl, type desktopContract } from '../contracts/desktop'
import type { EngineContext } from '../context'

export function desktopHandlers(ctx: EngineContext): HandlersFor<typeof desktopContract> {
  return {
    'app.openExternal': async ({ url }) => {
      const checked = checkExternalUrl(url)
      if (!checked.ok) throw new AppError('invalid_argument', checked.reason)
      if (!ctx.openExternal) return { by: 'page', url: checked.url }
      await ctx.openExternal(checked.url)
      return { by: 'system', url: checked.url }
    },
  }
}
