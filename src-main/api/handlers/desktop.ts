// The desktop operations, implemented over the core. No transport concerns here.
import type { HandlersFor } from '../contract'
import type { desktopContract } from '../contracts/desktop'
import type { EngineContext } from '../context'

export function desktopHandlers(_ctx: EngineContext): HandlersFor<typeof desktopContract> {
  return {}
}
