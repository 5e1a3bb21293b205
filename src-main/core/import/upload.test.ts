import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../../test-support/tmp'
import { safeRelativePath, UploadStaging } from './upload'

const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('upload staging', () => {
  it('accepts relative paths in either separator and refuses escapes, absolute and drive paths', () => {
    expect(safeRelativePath('folder/sub/a.txt')).toEqual(['folder', 'sub', 'a.txt'])
    expect(safeRelativePath('folder\\a.txt')).toEqual(['folder', 'a.txt'])
    for (const bad of ['', '../a', 'a/../../b', '/etc/passwd', '\\\\server\\share', 'C:/x', 'a/./b', 'a\u0000b']) {
      expect(() => safeRelativePath(bad), bad).toThrow(/file path/)
    }
  })

  it('writes a file in chunks, finds the upload again by its folder, and discards it', () => {
    const archiveDir = tempDir()
    const staging = new UploadStaging(archiveDir)
    const { uploadId } = staging.write(undefined, [{ path: 'f/a.txt', base64: b64('سطر ') }])
    staging.write(uploadId, [{ path: 'f/a.txt', base64: b64('ثانٍ'), append: true }])
    const dir = staging.dirOf(uploadId)
    expect(readFileSync(join(dir, 'f', 'a.txt'), 'utf8')).toBe('سطر ثانٍ')
    expect(staging.uploadIdOf([dir])).toBe(uploadId)
    expect(staging.uploadIdOf([join(archiveDir, 'elsewhere')])).toBeNull()
    expect(staging.topLevelNames(uploadId)).toEqual(['f'])
    staging.discard(uploadId)
    expect(existsSync(dir)).toBe(false)
    expect(() => staging.dirOf(uploadId)).toThrow(/no upload/)
  })

  it('refuses to stage more than the ceiling, counting what an earlier engine run staged', () => {
    const archiveDir = tempDir()
    const { uploadId } = new UploadStaging(archiveDir, 10).write(undefined, [{ path: 'a.txt', base64: b64('123456') }])
    // A new engine (after a restart) measures the folder instead of trusting memory.
    const again = new UploadStaging(archiveDir, 10)
    expect(() => again.write(uploadId, [{ path: 'b.txt', base64: b64('12345') }])).toThrow(expect.objectContaining({ code: 'payload_too_large' }))
    expect(again.write(uploadId, [{ path: 'b.txt', base64: b64('1234') }]).bytes).toBe(10)
  })

  it('sweeps away old uploads nobody will import, keeping those a batch may resume', () => {
    const staging = new UploadStaging(tempDir())
    const old = staging.write(undefined, [{ path: 'a.txt', base64: b64('x') }]).uploadId
    const kept = staging.write(undefined, [{ path: 'a.txt', base64: b64('x') }]).uploadId
    const fresh = staging.write(undefined, [{ path: 'a.txt', base64: b64('x') }]).uploadId
    const yesterday = new Date(Date.now() - 2 * 24 * 3600_000)
    for (const id of [old, kept]) utimesSync(staging.dirOf(id), yesterday, yesterday)
    expect(staging.sweepAbandoned(new Set([kept]))).toEqual([old])
    expect(() => staging.dirOf(kept)).not.toThrow()
    expect(() => staging.dirOf(fresh)).not.toThrow()
  })
})
