// Files a person drops or picks in the window reach the engine as chunks of bytes (a browser page
// has no file paths), staged under `<archive>/staging/<uploadId>/<relative path>` until they are
// imported as one batch. Relative paths come from the page, so every one is checked: no `..`, no
// absolute or drive paths, no control characters; and an upload has a size ceiling.
import { randomUUID } from 'node:crypto'
import { appendFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { AppError } from '../errors'

export const STAGING_DIR = 'staging'
/** One call carries at most this many bytes (its base64 stays well under the server's body limit). */
export const MAX_CHUNK_BYTES = 512 * 1024
/** One upload (one import) may stage at most this much. */
export const MAX_UPLOAD_BYTES = 4 * 1024 ** 3
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export interface UploadChunk {
  /** Where the file goes inside the upload, `/`-separated, e.g. `folder/sub/file.txt`. */
  path: string
  base64: string
  /** Adds to the file (its next chunk) instead of starting it. */
  append?: boolean
}

/** Checks a relative path from the page and returns its segments, or throws invalid_argument. */
export function safeRelativePath(path: string): string[] {
  const bad = (why: string) => new AppError('invalid_argument', `The file path "${path.slice(0, 200)}" ${why}.`)
  if (!path) throw bad('is empty')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) throw bad('contains control characters')
  if (path.startsWith('/') || path.startsWith('\\') || /^[a-zA-Z]:/.test(path)) throw bad('must be relative to the dropped folder, not absolute')
  const segments = path.split(/[\\/]/)
  for (const s of segments) {
    if (s === '' || s === '.') throw bad('has an empty part')
    if (s === '..') throw bad('must not climb out of the upload with ".."')
    if (s.length > 255) throw bad('has a name longer than 255 characters')
  }
  if (segments.length > 64) throw bad('is nested too deeply')
  return segments
}

/** The staging folders of one archive; remembers how much each upload has written. */
export class UploadStaging {
  private readonly sizes = new Map<string, number>()

  constructor(
    readonly archiveDir: string,
    private readonly maxUploadBytes = MAX_UPLOAD_BYTES,
  ) {}

  private root(): string {
    return join(this.archiveDir, STAGING_DIR)
  }

  /** The folder of an upload that exists; throws not_found otherwise. */
  dirOf(uploadId: string): string {
    if (!UPLOAD_ID.test(uploadId)) throw new AppError('invalid_argument', `"${uploadId.slice(0, 64)}" is not an upload id.`)
    const dir = join(this.root(), uploadId)
    if (!existsSync(dir)) throw new AppError('not_found', `There is no upload ${uploadId}: it was imported, discarded or never started.`)
    return dir
  }

  /** Writes chunks into an upload, starting a new one when no id is given. */
  write(uploadId: string | undefined, chunks: UploadChunk[]): { uploadId: string; bytes: number } {
    const id = uploadId ?? randomUUID()
    const dir = uploadId ? this.dirOf(uploadId) : join(this.root(), id)
    const decoded = chunks.map((c) => ({ ...c, segments: safeRelativePath(c.path), bytes: Buffer.from(c.base64, 'base64') }))
    const size = decoded.reduce((n, c) => n + c.bytes.length, 0)
    if (size > MAX_CHUNK_BYTES) throw new AppError('payload_too_large', `One upload call may carry ${MAX_CHUNK_BYTES / 1024} KB; this one carried ${Math.ceil(size / 1024)} KB.`)
    const before = this.sizes.get(id) ?? (uploadId ? folderSize(dir) : 0)
    if (before + size > this.maxUploadBytes) {
      throw new AppError('payload_too_large', `One import may bring at most ${Math.round((this.maxUploadBytes / 1024 ** 3) * 100) / 100} GB from the window; import larger collections by typing their folder's path, or with \`arshif import\`.`)
    }
    mkdirSync(dir, { recursive: true })
    for (const c of decoded) {
      const target = join(dir, ...c.segments)
      // Belt and braces: the checked segments cannot leave the folder, but say so in code too.
      if (!resolve(target).startsWith(resolve(dir) + sep)) throw new AppError('invalid_argument', `The file path "${c.path}" leaves the upload.`)
      mkdirSync(join(target, '..'), { recursive: true })
      if (c.append) appendFileSync(target, c.bytes)
      else writeFileSync(target, c.bytes)
    }
    this.sizes.set(id, before + size)
    return { uploadId: id, bytes: before + size }
  }

  /** Removes an upload's staged files (after its import, or when the person discards it). */
  discard(uploadId: string): void {
    if (!UPLOAD_ID.test(uploadId)) return
    this.sizes.delete(uploadId)
    rmSync(join(this.root(), uploadId), { recursive: true, force: true })
  }

  /** The upload a batch imported from, when its only input is a staging folder. */
  uploadIdOf(paths: string[]): string | null {
    if (paths.length !== 1) return null
    const id = resolve(paths[0]!).slice(resolve(this.root()).length + 1)
    return resolve(paths[0]!) === join(resolve(this.root()), id) && UPLOAD_ID.test(id) ? id : null
  }

  /**
   * Removes uploads nobody will import: older than `olderThanMs` and not kept for a batch that can
   * still be resumed (the window was closed mid-upload, or the person walked away from the preview).
   */
  sweepAbandoned(keep: Set<string>, olderThanMs = 24 * 3600_000): string[] {
    const root = this.root()
    if (!existsSync(root)) return []
    const removed: string[] = []
    for (const id of readdirSync(root)) {
      if (!UPLOAD_ID.test(id) || keep.has(id)) continue
      if (Date.now() - statSync(join(root, id)).mtimeMs < olderThanMs) continue
      this.discard(id)
      removed.push(id)
    }
    return removed
  }

  /** The top-level names of an upload (for a batch label). */
  topLevelNames(uploadId: string): string[] {
    return readdirSync(this.dirOf(uploadId)).sort()
  }
}

function folderSize(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    const st = statSync(p)
    total += st.isDirectory() ? folderSize(p) : st.size
  }
  return total
}
