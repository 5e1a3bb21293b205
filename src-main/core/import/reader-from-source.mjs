// Starts the reader thread from its TypeScript source (CLI, serve mode and tests run from source):
// a worker thread does not inherit the tsx loader of the thread that made it, so it registers its own.
import { register } from 'tsx/esm/api'

register()
await import('./reader-worker.ts')
