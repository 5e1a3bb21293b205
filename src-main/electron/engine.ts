// The engine process: an Electron utilityProcess that holds the archive (SQLite), the search index
// (its worker threads) and every handler, so the main process never blocks on them. It talks to
// main over process.parentPort; the protocol lives in engine-host.ts and is tested in plain Node.
import { SQLITE_BINDING_ENV, useSqliteBinding } from './native-binding'
import { serveEngine } from './engine-host'
import { openDesktopEngine } from './engine-open'
import type { ToEngine } from './engine-protocol'
import { limitHeapGrowth } from '../core/heap'

limitHeapGrowth()

// Development: better-sqlite3 built for Electron, beside the Node build (scripts/native.js).
const binding = process.env[SQLITE_BINDING_ENV]
if (binding) useSqliteBinding(binding)

const parentPort = process.parentPort
const { closed } = serveEngine(
  {
    post: (message) => parentPort.postMessage(message),
    listen: (onMessage) => parentPort.on('message', (e) => onMessage(e.data as ToEngine)),
  },
  // The search and import workers are bundled beside this file and found there (core/worker-script.ts).
  openDesktopEngine(),
)
void closed.then(() => process.exit(0))
