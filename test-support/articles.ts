// Small invented articles for tests.
import { resolve } from 'node:path'
import type { ParsedArticle } from '../src-main/core/model'
import type { SearchDocument } from '../src-main/core/search/engine'
import { readSampleArticles } from '../src-main/core/sample'

export function article(n: number, overrides: Partial<ParsedArticle> = {}): ParsedArticle {
  return {
    title: `خبر تجريبي رقم ${n}`,
    paragraphs: [`هذه الفقرة الأولى من الخبر التجريبي رقم ${n}.`, `وهذه فقرة ثانية تذكر مدينة النخيل في الخبر ${n}.`],
    publishedAt: `2024-03-${String((n % 28) + 1).padStart(2, '0')}`,
    datePrecision: 'day',
    source: n % 2 ? 'الرصد اليومي' : 'صوت المدينة',
    author: n % 3 ? 'سلمى الحسيني' : null,
    url: `https://example.org/news/${n}`,
    ...overrides,
  }
}

/** The bundled sample articles as search documents (ids 1…n in file order), with a text loader. */
export function sampleSearchDocuments() {
  const docs: SearchDocument[] = readSampleArticles(resolve(import.meta.dirname, '../resources')).map((a, i) => ({
    id: i + 1,
    title: a.title,
    body: a.paragraphs.join('\n\n'),
    author: a.author ?? '',
    source: a.source ?? '',
    date: a.publishedAt ?? '',
  }))
  const texts = new Map(docs.map((d) => [d.id, { title: d.title, body: d.body }]))
  return { docs, texts, loadText: (id: number) => texts.get(id) ?? null }
}
