// Messages between the import worker (./worker.ts) and the thread that started it (./run.ts).
import type { ErrorCode } from '../errors'
import type { FieldMap } from './formats'
import type { ImportProgress, ImportReport } from './importer'

export interface ImportWorkerInit {
  archiveDir: string
  paths: string[]
  origin: string
  label?: string
  fieldMap?: FieldMap
  /** Go on with this interrupted or cancelled batch instead (its own paths and mapping). */
  resumeBatchId?: number
}

export type ImportWorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; code: ErrorCode; message: string }
