// The compare operations, implemented over the core. No transport concerns here.
import type { HandlersFor } from '../contract'
import type { compareContract } from '../contracts/compare'
import type { EngineContext } from '../context'

export function compareHandlers(_ctx: EngineContext): HandlersFor<typeof compareContract> {
  return {}
}
