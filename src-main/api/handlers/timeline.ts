// The timeline operations, implemented over the core. No transport concerns here.
import type { HandlersFor } from '../contract'
import type { timelineContract } from '../contracts/timeline'
import type { EngineContext } from '../context'

export function timelineHandlers(_ctx: EngineContext): HandlersFor<typeof timelineContract> {
  return {}
}
