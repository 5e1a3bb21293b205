// The timeline operations, implemented over the core. No transport concerns here.
import { AppError } from '../../core/errors'
import type { HandlersFor } from '../contract'
import type { timelineContract } from '../contracts/timeline'
import type { EngineContext } from '../context'

const notYet = (): never => {
  throw new AppError('internal', 'Timelines are being built: this operation is not available yet.')
}

export function timelineHandlers(_ctx: EngineContext): HandlersFor<typeof timelineContract> {
  return {
    'timeline.build': notYet,
    'timeline.save': notYet,
    'timeline.list': () => [],
    'timeline.get': notYet,
    'timeline.delete': notYet,
    'timeline.export': notYet,
    'collections.list': () => [],
    'collections.create': notYet,
    'collections.add': notYet,
    'collections.delete': notYet,
  }
}
