// The import operations, implemented over the core. No transport concerns here.
import type { HandlersFor } from '../contract'
import type { importContract } from '../contracts/import'
import type { EngineContext } from '../context'

export function importHandlers(_ctx: EngineContext): HandlersFor<typeof importContract> {
  return {}
}
