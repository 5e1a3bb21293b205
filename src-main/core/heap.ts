// V8 lets a heap grow to up to four times what survived its last full collection before it
// collects again. Building a search index makes garbage fast (rows, tokens, word-count tables), so
// each index thread's heap reached ~3× its live data, and SaudiNewsNet's import + index peaked near
// 1 GB. A growth of 1.5× kept that peak near 720 MB for the same time (bench:import). V8's flags
// belong to the process: set once by each entry point (CLI, engine process), before its threads start.
import { setFlagsFromString } from 'node:v8'

export const HEAP_GROWING_PERCENT = 50

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}
