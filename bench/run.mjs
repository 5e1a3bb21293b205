// Runs a bench script with tsx registered for this thread only: node bench/run.mjs <script.ts> [args…].
// Under `node --import tsx` every worker thread the script starts inherits that flag and loads tsx
// again (its hooks then resolve every module the worker imports), though the built workers that
// bench:import measures need no loader, and the source ones register tsx themselves. Measured:
// ANT's import and index 0.5 s slower that way. `arshif` registers tsx the same way (bin/arshif.js).
import { register } from 'tsx/esm/api'
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'

register()
const [script] = process.argv.splice(2, 1)
await import(pathToFileURL(resolve(script)).href)
