// What every `arshif` command shares: its options, output helpers and usage errors.
import { resolve } from 'node:path'
import type { parseArgs } from 'node:util'
import { Archive } from '../core/archive/archive'
import { defaultArchiveDir } from '../core/paths'

export const OPTIONS = {
  archive: { type: 'string' },
  json: { type: 'boolean', default: false },
  limit: { type: 'string' },
  offset: { type: 'string' },
  port: { type: 'string' },
  sort: { type: 'string' },
  'reference-date': { type: 'string' },
  'no-sample': { type: 'boolean', default: false },
  // import
  map: { type: 'string', multiple: true },
  resume: { type: 'string' },
  // timeline, compare
  query: { type: 'string' },
  collection: { type: 'string' },
  ids: { type: 'string' },
  title: { type: 'string' },
  pdf: { type: 'string' },
  html: { type: 'string' },
  csv: { type: 'string' },
  // backup, restore
  to: { type: 'string' },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const

export type Options = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values']

/** A mistake in how the command was called: exit code 2 and a pointer to --help. */
export class UsageError extends Error {}

export const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n')
export const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n')

export function openArchive(values: Options): Archive {
  return Archive.open(resolve(values.archive ?? defaultArchiveDir()))
}

export function intOption(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} takes a whole number ≥ ${min}`)
  return n
}
