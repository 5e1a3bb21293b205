// Entry point of the `arshif` command (see bin/arshif.js).
import { limitHeapGrowth } from '../core/heap'
import { main } from './main'

limitHeapGrowth()

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e) => {
    process.stderr.write(`arshif: ${(e as Error).stack ?? e}\n`)
    process.exitCode = 1
  },
)
