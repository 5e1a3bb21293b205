// The import operations of the contract (see ../contract.ts). Renderer-safe: zod and types only.
//
// From the window, files a person drops or picks are sent in chunks with `import.upload` into a
// staging folder; `import.preview` shows how tables and JSON will be read; `import.start` runs the
// import as a job (progress and cancel through `jobs.get` / `jobs.cancel`, the ImportReport as its
// result). A path typed by the person (`paths`) is read directly: the engine runs on their machine.
import { z } from 'zod'
import { op, id, none } from '../op'
import type { JobInfo } from '../../core/jobs'
import type { ImportReport } from '../../core/import/importer'
import type { ImportPreview } from '../../core/import/preview'
import type { BatchDetail, BatchSummary } from '../../core/import/batches'

export type { ImportReport, FileOutcome, ImportCounts } from '../../core/import/importer'
export type { ImportPreview, FilePreview, PreviewArticle } from '../../core/import/preview'
export type { BatchDetail, BatchSummary, BatchStatus } from '../../core/import/batches'

const uploadId = z.string().min(1).max(64)
const column = z.string().max(500)
/** Which column feeds each article field; '' = none, absent = automatic. */
export const fieldMapSchema = z
  .object({ title: column, body: column, date: column, source: column, author: column, url: column })
  .partial()
  .strict()

const source = {
  /** Files sent with import.upload. */
  uploadId: uploadId.optional(),
  /** Files or folders on this computer, typed by the person. */
  paths: z.array(z.string().min(1).max(4096)).min(1).max(100).optional(),
}
const oneSource = (v: { uploadId?: string; paths?: string[] }) => (v.uploadId === undefined) !== (v.paths === undefined)
const oneSourceMessage = { message: 'Give either an uploadId or paths (one of them).' }

export const importContract = {
  /**
   * Stages file bytes sent from the window: each entry is a file (or the next chunk of one, with
   * `append`) at a relative path. At most 512 KB of bytes per call. Starts an upload when no
   * uploadId is given and answers with its id.
   */
  'import.upload': op<{ uploadId: string; bytes: number }>()(
    z
      .object({
        uploadId: uploadId.optional(),
        files: z
          .array(z.object({ path: z.string().min(1).max(1024), base64: z.string().max(700_000), append: z.boolean().default(false) }).strict())
          .min(1)
          .max(2000),
      })
      .strict(),
  ),

  /** Throws away an upload's staged files (the person changed their mind). */
  'import.discard': op<{ discarded: true }>()(z.object({ uploadId }).strict()),

  /** The tables and JSON files of an upload or of paths: columns, mapping and first records. */
  'import.preview': op<ImportPreview>()(
    z
      .object({ ...source, map: fieldMapSchema.optional() })
      .strict()
      .refine(oneSource, oneSourceMessage),
  ),

  /** Starts importing an upload or paths as one batch; follow the job with jobs.get. */
  'import.start': op<JobInfo<ImportReport>>()(
    z
      .object({ ...source, map: fieldMapSchema.optional(), label: z.string().min(1).max(300).optional() })
      .strict()
      .refine(oneSource, oneSourceMessage),
  ),

  /** Goes on with an interrupted or cancelled batch (the files not yet imported), as a job like import.start. */
  'import.resume': op<JobInfo<ImportReport>>()(z.object({ id }).strict()),

  /** Every import batch, newest first. */
  'import.batches': op<BatchSummary[]>()(none),

  /** One batch with its per-file outcomes (failed first). */
  'import.batch': op<BatchDetail>()(z.object({ id }).strict()),

  /** Removes every article a batch added. */
  'import.undo': op<{ removed: number }>()(z.object({ id }).strict()),
} as const
