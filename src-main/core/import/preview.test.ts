import { describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../../test-support/tmp'
import { PREVIEW_ROWS, previewImport } from './preview'

describe('import preview', () => {
  it('previews only tables and JSON, with their columns, the automatic mapping and the first articles', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'sub'))
    writeFileSync(join(dir, 'a.txt'), 'عنوان\n\nنص')
    writeFileSync(join(dir, 'sub', 'news.json'), JSON.stringify({ articles: [{ headline: 'خبر أول', body: 'نص أول', published: '2020-01-02', extra: 1 }] }))
    const { files, more } = previewImport([dir])
    expect(more).toBe(0)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatchObject({
      file: join('sub', 'news.json'),
      format: 'json',
      columns: ['headline', 'body', 'published', 'extra'],
      map: { title: 'headline', body: 'body', date: 'published' },
      articles: [{ title: 'خبر أول', body: 'نص أول', date: '2020-01-02' }],
      error: null,
    })
  })

  it('reads only the head of a big JSON Lines file, cut at a whole line', () => {
    const dir = tempDir()
    const line = (i: number) => JSON.stringify({ title: `عنوان ${i}`, text: 'نص '.repeat(200) })
    writeFileSync(join(dir, 'big.jsonl'), Array.from({ length: 2000 }, (_, i) => line(i)).join('\n'))
    const [p] = previewImport([join(dir, 'big.jsonl')]).files
    expect(p!.error).toBeNull()
    expect(p!.articles.map((a) => a.title)).toEqual(Array.from({ length: PREVIEW_ROWS }, (_, i) => `عنوان ${i}`))
    expect(p!.problems).toEqual([])
  })

  it('says why a table cannot be read without a mapping, and reads it with one', () => {
    const dir = tempDir()
    const csv = join(dir, 't.csv')
    writeFileSync(csv, 'c1,c2\nجسر جديد,افتتح الجسر اليوم\n')
    expect(previewImport([csv]).files[0]!.error).toMatch(/Choose the fields by hand/)
    const fixed = previewImport([csv], { title: 'c1', body: 'c2' }).files[0]!
    expect(fixed.error).toBeNull()
    expect(fixed.articles[0]!.title).toBe('جسر جديد')
  })
})
