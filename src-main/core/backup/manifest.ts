// What a backup folder says about itself. Written last, so a folder without a readable manifest is
// never taken for a finished backup; checked field by field before a restore trusts anything else.
import { z } from 'zod'

export const MANIFEST_FILE = 'manifest.json'
export const BACKUP_DB_FILE = 'archive.sqlite'
export const MANIFEST_FORMAT = 1
/** A backup's id is its folder name: the UTC time it was made (plus -N if two share a second). */
export const BACKUP_ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z(-\d{1,3})?$/

export const manifestSchema = z.object({
  app: z.literal('arshif'),
  format: z.literal(MANIFEST_FORMAT),
  createdAt: z.string().datetime(),
  appVersion: z.string(),
  schemaVersion: z.number().int().min(0),
  articleCount: z.number().int().min(0),
  /** Made by the daily schedule (pruned beyond the kept count) rather than by a person. */
  automatic: z.boolean(),
  database: z.object({ file: z.literal(BACKUP_DB_FILE), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  /** Every original file, relative to the backup folder (`originals/ab/<sha256>.<ext>`). */
  originals: z.array(z.object({ path: z.string(), bytes: z.number().int().min(0) })),
})

export type BackupManifest = z.infer<typeof manifestSchema>
