// Loading the shared real-news corpus for benchmarks and evaluations (never copied into the repo).
import { existsSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { readFirstZipEntry } from '../test-support/zip'
import type { ParsedArticle } from '../src-main/core/model'

export const CORPUS_DIR = resolve(process.env.ARSHIF_CORPUS ?? resolve(import.meta.dirname, '../../shared/corpus'))

export function requireCorpus(): void {
  if (!existsSync(resolve(CORPUS_DIR, 'README.md'))) {
    console.error(`The shared corpus is not at ${CORPUS_DIR} (set ARSHIF_CORPUS): nothing to measure.`)
    process.exit(2)
  }
}

export interface SaudiNewsNetRecord {
  source: string
  url: string
  date_extracted: string
  title: string
  author: string
  content: string
}

/** All SaudiNewsNet records (31,030), in file order. */
export async function loadSaudiNewsNet(): Promise<SaudiNewsNetRecord[]> {
  const dir = resolve(CORPUS_DIR, 'saudinewsnet')
  const zips = readdirSync(dir).filter((f) => f.endsWith('.zip')).sort()
  const all: SaudiNewsNetRecord[] = []
  for (const z of zips) all.push(...(JSON.parse((await readFirstZipEntry(resolve(dir, z))).toString('utf8')) as SaudiNewsNetRecord[]))
  return all
}

export function toParsed(r: SaudiNewsNetRecord, copy = 0): ParsedArticle {
  // A scaled copy gets a marker so its content hash differs (the archive skips exact duplicates).
  const mark = copy ? ` [${copy}]` : ''
  return {
    title: r.title + mark,
    paragraphs: (r.content + mark).split('\n').map((p) => p.trim()).filter(Boolean),
    publishedAt: r.date_extracted.slice(0, 10),
    datePrecision: 'day',
    source: r.source,
    author: r.author || null,
    url: r.url,
  }
}
