// The compare operations, implemented over the core. No transport concerns here.
import { AppError } from '../../core/errors'
import type { HandlersFor } from '../contract'
import type { compareContract } from '../contracts/compare'
import type { EngineContext } from '../context'

export function compareHandlers(_ctx: EngineContext): HandlersFor<typeof compareContract> {
  const notYet = (): never => {
    throw new AppError('internal', 'Comparison is being built.')
  }
  return {
    'compare.pair': notYet,
    'compare.many': notYet,
    'compare.similar': notYet,
    'compare.export': notYet,
  }
}
