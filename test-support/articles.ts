// Small invented articles for tests.
import type { ParsedArticle } from '../src-main/core/model'

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
