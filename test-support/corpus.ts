// Where the shared real-news corpus lives, and a guard for tests that need it.
// On a user's clone without ../shared the corpus tests are reported as not run (one line);
// in CI the corpus must be there, so a missing corpus fails instead of skipping silently.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

export const CORPUS_DIR = resolve(process.env.ARSHIF_CORPUS ?? resolve(import.meta.dirname, '../../shared/corpus'))

export const hasCorpus = existsSync(resolve(CORPUS_DIR, 'README.md'))

if (!hasCorpus) {
  if (process.env.CI) throw new Error(`CI needs the shared corpus at ${CORPUS_DIR}, and it is missing.`)
  console.warn(`[corpus] ${CORPUS_DIR} not found: real-corpus tests were not run.`)
}

export const corpusPath = (...parts: string[]) => resolve(CORPUS_DIR, ...parts)
