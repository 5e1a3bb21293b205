// The compare operations over a real archive and search index, as the app calls them.
import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { Archive } from '../../core/archive/archive'
import { JobRegistry } from '../../core/jobs'
import { readSampleArticles } from '../../core/sample'
import { SearchService } from '../../core/search/service'
import { tempDir } from '../../../test-support/tmp'
import type { ExportedFile } from '../contract'
import { compareHandlers } from './compare'

const RESOURCES = resolve(import.meta.dirname, '../../../resources')

describe('compare operations', () => {
  const dir = join(tempDir(), 'archive')
  const archive = Archive.open(dir)
  const sample = readSampleArticles(RESOURCES)
  archive.addArticles(sample, null)
  const original = sample[3]!
  // Another outlet reprints one sample story with a sentence added at the end.
  const [reprint] = archive.addArticles([{ ...original, source: 'صحيفة أخرى', paragraphs: [...original.paragraphs, 'وقال شهود عيان إن الحركة عادت إلى طبيعتها بعد ساعات من الحادث.'] }], null)
  const originalId = 4
  const reprintId = reprint!.id
  const jobs = new JobRegistry()

  it('compares a pair, one against several, and refuses what cannot be compared', async () => {
    const api = compareHandlers({ archive, host: 'serve', version: 'test', jobs })
    const pair = await api['compare.pair']({ a: originalId, b: reprintId })
    expect(pair.summary).toMatchObject({ aInB: 1, addedParagraphs: 1, removedParagraphs: 0 })
    expect(pair.summary.line.en).toBe('B reprints all of A and adds one paragraph')

    const table = await api['compare.many']({ base: originalId, others: [reprintId, 1, 2] })
    expect(table.base.id).toBe(originalId)
    expect(table.rows.map((r) => r.other.id)).toEqual([reprintId, 1, 2])
    expect(table.rows[0]!.summary.aInB).toBe(1)
    expect(table.rows[1]!.summary.aInB).toBeLessThan(0.5)

    expect(() => api['compare.pair']({ a: 1, b: 1 })).toThrow(expect.objectContaining({ code: 'invalid_argument' }))
    expect(() => api['compare.pair']({ a: 1, b: 9999 })).toThrow(expect.objectContaining({ code: 'not_found' }))
  })

  it('exports the comparison as a job whose result is the file', async () => {
    const api = compareHandlers({ archive, host: 'serve', version: 'test', jobs })
    const started = await api['compare.export']({ a: originalId, b: reprintId, format: 'html' })
    expect(started.state).toBe('running')
    const done = await jobs.wait(started.id)
    expect(done.state).toBe('done')
    const file = done.result as ExportedFile
    expect(file.fileName).toBe(`compare-${originalId}-${reprintId}.html`)
    expect(file.mime).toMatch(/^text\/html/)
    expect(Buffer.from(file.base64, 'base64').toString('utf8')).toContain(original.title)
  })

  it('finds the reprint first among similar articles, and never the article itself', async () => {
    const search = new SearchService({ archiveDir: dir, segments: 1 })
    try {
      const api = compareHandlers({ archive, host: 'serve', version: 'test', jobs, search })
      const similar = await api['compare.similar']({ id: originalId, limit: 3 })
      expect(similar.items.length).toBeGreaterThan(0)
      expect(similar.items.length).toBeLessThanOrEqual(3)
      expect(similar.items[0]!.article.id).toBe(reprintId)
      expect(similar.items[0]!.nearDuplicate).toBe(true)
      expect(similar.items.map((i) => i.article.id)).not.toContain(originalId)
      const scores = similar.items.map((i) => i.score)
      expect([...scores].sort((x, y) => y - x)).toEqual(scores)
      if (similar.items[1]) expect(similar.items[1].score).toBeLessThan(similar.items[0]!.score)
    } finally {
      await search.close()
    }
  }, 60_000)
})
