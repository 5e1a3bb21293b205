// The compare operations of the contract (see ../contract.ts). Renderer-safe: zod and types only.
import { z } from 'zod'
import { op, id } from '../op'
import type { JobInfo } from '../../core/jobs'
import type { ExportedFile } from '../contract'
import type { Comparison, CoverageTable, SimilarArticles } from '../../core/compare/types'

/** How many others one base article may be compared against at once. */
export const MAX_COMPARE_OTHERS = 20

export const compareContract = {
  /** Two articles side by side: aligned paragraphs, word differences, shared passages, figures that differ, summary. */
  'compare.pair': op<Comparison>()(z.object({ a: id, b: id }).strict()),

  /** One article against several: a coverage row per other article (open one with compare.pair). */
  'compare.many': op<CoverageTable>()(z.object({ base: id, others: z.array(id).min(1).max(MAX_COMPARE_OTHERS) }).strict()),

  /** The articles of the archive most like this one, best first. */
  'compare.similar': op<SimilarArticles>()(z.object({ id, limit: z.number().int().min(1).max(50).default(10) }).strict()),

  /** Exports a pairwise comparison as a job; the finished job's result is an ExportedFile. */
  'compare.export': op<JobInfo<ExportedFile>>()(z.object({ a: id, b: id, format: z.enum(['html', 'pdf']) }).strict()),
} as const
