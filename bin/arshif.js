#!/usr/bin/env node
// The `arshif` command. It runs the built engine (out/main/cli.js) when that build is newer than
// the sources, and otherwise the TypeScript sources through tsx, so `npx arshif` works right after
// `npm install` with no build step. The build matters on large imports: from source every worker
// thread compiles its own copy of the code, ~5 s of CPU on an import of 10,000 files.
// ARSHIF_FROM_SOURCE=1 always runs the sources.
import { pathToFileURL } from 'node:url'
import { freshEngineBuild } from '../scripts/engine-build.js'

const built = process.env.ARSHIF_FROM_SOURCE ? null : freshEngineBuild()
if (built) {
  await import(pathToFileURL(built).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../src-main/cli/run.ts')
}
