// App-wide commands that come from outside a view: the desktop menu (through the preload) or a
// keyboard shortcut in the browser. A view that can act on one (e.g. 'export' in the Timeline and
// Compare views) registers a handler while it is mounted.
import { onBeforeUnmount, onMounted } from 'vue'

export type AppCommand = 'find' | 'import' | 'export' | 'backup'

const handlers = new Map<AppCommand, Set<() => void>>()

/** Runs the handlers registered for a command; returns whether any view took it. */
export function runAppCommand(command: AppCommand): boolean {
  const set = handlers.get(command)
  if (!set?.size) return false
  for (const h of set) h()
  return true
}

/** Registers a handler for the lifetime of the calling component. */
export function onAppCommand(command: AppCommand, handler: () => void): void {
  onMounted(() => {
    if (!handlers.has(command)) handlers.set(command, new Set())
    handlers.get(command)!.add(handler)
  })
  onBeforeUnmount(() => handlers.get(command)?.delete(handler))
}
