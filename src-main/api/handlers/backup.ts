// The backup operations, implemented over the core. No transport concerns here.
import type { HandlersFor } from '../contract'
import type { backupContract } from '../contracts/backup'
import type { EngineContext } from '../context'

export function backupHandlers(_ctx: EngineContext): HandlersFor<typeof backupContract> {
  return {}
}
