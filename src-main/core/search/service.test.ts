import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { Archive } from '../archive/archive'
import { readSampleArticles } from '../sample'
import { tempDir } from '../../../test-support/tmp'
import { article } from '../../../test-support/articles'
import { SearchService } from './service'
import type { SearchStatus } from './protocol'

const RESOURCES = resolve(import.meta.dirname, '../../../resources')

describe('the search service (index in a worker thread)', () => {
  it('builds the index off the calling thread, answers queries and follows updates', async () => {
    const dir = join(tempDir(), 'archive')
    const archive = Archive.open(dir)
    archive.addArticles(readSampleArticles(RESOURCES), null)
    const seen: SearchStatus['state'][] = []
    const service = new SearchService({ archiveDir: dir, segments: 2, onStatus: (s) => seen.push(s.state) })
    try {
      await service.ready
      expect(service.status).toMatchObject({ state: 'ready', documents: archive.articleCount() })
      expect(seen).toContain('building')

      const page = await service.query({ q: 'الفيضانات', limit: 5 })
      expect(page.hits.length).toBeGreaterThan(0)

      const [added] = archive.addArticles([article(7, { title: 'سباق الهجن السنوي ينطلق غدا' })], null)
      await service.update([added!.id])
      expect((await service.query({ q: 'الهجن' })).hits.map((h) => h.id)).toEqual([added!.id])
      expect(await service.suggest('الهج')).toContain('الهجن')
    } finally {
      await service.close()
      archive.close()
    }
  }, 30_000)

  it('reports a failure as a readable status instead of hanging', async () => {
    const service = new SearchService({ archiveDir: join(tempDir(), 'missing', '\0bad') })
    await expect(service.ready).rejects.toThrow(/cannot be written to/)
    expect(service.status.state).toBe('failed')
    await service.close()
  }, 30_000)
})
