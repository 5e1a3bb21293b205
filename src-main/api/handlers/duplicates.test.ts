// duplicates.of over the bundled sample, loaded as the app loads it: its wire story and two reprints.
import { describe, expect, it } from 'vitest'
import { join, resolve } from 'node:path'
import { Archive } from '../../core/archive/archive'
import { JobRegistry } from '../../core/jobs'
import { loadSampleIfEmpty } from '../../core/sample'
import { tempDir } from '../../../test-support/tmp'
import { duplicatesHandlers } from './duplicates'
import type { LinkedArticle } from '../contracts/duplicates'

const RESOURCES = resolve(import.meta.dirname, '../../../resources')

describe('duplicates.of', () => {
  const archive = Archive.open(join(tempDir(), 'archive'))
  loadSampleIfEmpty(archive, RESOURCES)
  const handlers = duplicatesHandlers({ archive, host: 'serve', version: 'test', jobs: new JobRegistry() })
  // The handler answers synchronously; its type allows a promise.
  const linkedTo = (id: number) => handlers['duplicates.of']({ id }) as LinkedArticle[]
  const idOf = (source: string) =>
    archive.db.prepare("SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.name = ? AND a.title LIKE '%السنابل%'").pluck().get(source) as number

  it('lists the outlets that reprinted the wire story, most similar first', () => {
    const wire = idOf('وكالة الأنباء المتحدة')
    const linked = linkedTo(wire)
    expect(linked.map((l) => [l.source, l.relation])).toEqual([
      ['الرصد اليومي', 'reprinted_by'],
      ['الشروق الجديد', 'reprinted_by'],
    ])
    expect(linked[0]).toMatchObject({ id: idOf('الرصد اليومي'), title: 'خمسة قتلى في سيول جارفة تضرب مدينة السنابل' })
    expect(linked[0]!.similarity).toBeGreaterThan(linked[1]!.similarity)
    expect(linked[1]!.similarity).toBeGreaterThanOrEqual(0.5)
  })

  it('gives a reprint the story it reprints, and an unrelated article nothing', () => {
    expect(linkedTo(idOf('الشروق الجديد')).map((l) => [l.source, l.relation])).toEqual([['وكالة الأنباء المتحدة', 'reprint_of']])
    const unrelated = archive.db.prepare("SELECT id FROM articles WHERE title NOT LIKE '%السنابل%' ORDER BY id LIMIT 1").pluck().get() as number
    expect(linkedTo(unrelated)).toEqual([])
  })

  it('says when the article does not exist', () => {
    expect(() => linkedTo(99999)).toThrow(expect.objectContaining({ code: 'not_found' }))
  })
})
