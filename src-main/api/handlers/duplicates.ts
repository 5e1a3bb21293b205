// The duplicates operations, implemented over the core. No transport concerns here.
import type { HandlersFor } from '../contract'
import type { duplicatesContract } from '../contracts/duplicates'
import type { EngineContext } from '../context'

export function duplicatesHandlers(_ctx: EngineContext): HandlersFor<typeof duplicatesContract> {
  return {}
}
