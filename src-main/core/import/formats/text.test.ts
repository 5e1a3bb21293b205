import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusPath, hasCorpus } from '../../../../test-support/corpus'
import { parseFile } from './index'
import { stripInlineMarkdown } from './text'
import { utf8 } from './test-helpers'

const one = (name: string, text: string) => {
  const r = parseFile(name, utf8(text))
  expect(r.articles).toHaveLength(1)
  return { ...r, article: r.articles[0]! }
}

describe('plain text', () => {
  it('reads a title line, a date line, paragraphs and a trailing author line', () => {
    const { article, problems, format } = one(
      'خبر.txt',
      'افتتاح معرض الكتاب في الرياض\n7 أغسطس 2015\n\nافتتح وزير الثقافة معرض الكتاب اليوم.\nويستمر المعرض عشرة أيام.\n\nالكاتب: سارة العتيبي\n',
    )
    expect(format).toBe('text')
    expect(problems).toEqual([])
    expect(article).toMatchObject({
      title: 'افتتاح معرض الكتاب في الرياض',
      publishedAt: '2015-08-07',
      datePrecision: 'day',
      author: 'سارة العتيبي',
      paragraphs: ['افتتح وزير الثقافة معرض الكتاب اليوم.', 'ويستمر المعرض عشرة أيام.'],
    })
    expect(article.titleDerived).toBeUndefined()
  })

  it('splits on blank lines when there are any, joining wrapped lines', () => {
    const { article } = one('a.txt', 'عنوان الخبر\n\nالفقرة الأولى تبدأ هنا\nوتكمل هنا.\n\nالفقرة الثانية.')
    expect(article.paragraphs).toEqual(['الفقرة الأولى تبدأ هنا وتكمل هنا.', 'الفقرة الثانية.'])
  })

  it('takes a title followed directly by a Levantine date line, and trailing source and date lines', () => {
    const { article } = one('b.txt', 'انسحاب القوات من القاعدة\n26 تموز 2021\nبدأ الانسحاب صباح اليوم.\nوقال مسؤول إن العملية ستستمر.\nالمصدر: وكالة الأنباء\n')
    expect(article).toMatchObject({ title: 'انسحاب القوات من القاعدة', publishedAt: '2021-07-26', source: 'وكالة الأنباء' })
    expect(article.paragraphs).toEqual(['بدأ الانسحاب صباح اليوم.', 'وقال مسؤول إن العملية ستستمر.'])
  })

  it('reads English metadata lines and an unreadable date as a problem', () => {
    const { article, problems } = one('c.txt', 'Budget approved\n\nThe parliament approved the budget.\n\nAuthor: Jane Doe\nDate: sometime last week\n')
    expect(article).toMatchObject({ title: 'Budget approved', author: 'Jane Doe', publishedAt: null, datePrecision: 'unknown' })
    expect(problems).toEqual([{ reason: expect.stringMatching(/date "sometime last week" could not be read/) }])
  })

  it('derives a title when the first line is a sentence', () => {
    const { article } = one('d.txt', 'قال المتحدث باسم الوزارة إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لمناقشة الميزانية الجديدة والخطط المقبلة. وأضاف أن الوزير سيحضر.\nوتابع أن الموعد نهائي.')
    expect(article.titleDerived).toBe(true)
    expect(article.title).toBe('قال المتحدث باسم الوزارة إن الاجتماع سيعقد الأسبوع المقبل في العاصمة لمناقشة…')
    expect(article.paragraphs).toHaveLength(2)
  })

  it('reads header metadata lines (العنوان / التاريخ)', () => {
    const { article } = one('e.txt', 'العنوان: قمة عربية في القاهرة\nالتاريخ: 12/03/2019\n\nانطلقت القمة اليوم.')
    expect(article).toMatchObject({ title: 'قمة عربية في القاهرة', publishedAt: '2019-03-12', paragraphs: ['انطلقت القمة اليوم.'] })
  })

  it('keeps a one-line file as body with a derived title', () => {
    const { article } = one('f.txt', 'خبر قصير من سطر واحد فقط')
    expect(article).toMatchObject({ title: 'خبر قصير من سطر واحد فقط', titleDerived: true, paragraphs: ['خبر قصير من سطر واحد فقط'] })
  })

  it('refuses an empty file', () => {
    expect(() => parseFile('empty.txt', utf8('  \n\n '))).toThrow(/empty/)
  })
})

describe('markdown', () => {
  it('reads YAML front matter and strips Markdown syntax', () => {
    const { article, format } = one(
      'مقال.md',
      [
        '---',
        'title: "تقرير: ارتفاع الصادرات"',
        'date: 2017-01-25',
        'author: فريق التحرير',
        'source: جوهرة أف أم',
        'url: https://example.org/a',
        'tags: [اقتصاد, تمور]',
        '---',
        '',
        '# عنوان داخلي',
        '',
        'ارتفعت **صادرات** التمور بنسبة _24_ بالمائة حسب [الوكالة الرسمية](https://example.org).',
        '',
        '- البند الأول',
        '- البند الثاني',
        '',
        '> قال المدير إن الموسم جيد.',
      ].join('\n'),
    )
    expect(format).toBe('markdown')
    expect(article).toMatchObject({
      title: 'تقرير: ارتفاع الصادرات',
      publishedAt: '2017-01-25',
      author: 'فريق التحرير',
      source: 'جوهرة أف أم',
      url: 'https://example.org/a',
      tags: ['اقتصاد', 'تمور'],
    })
    expect(article.paragraphs).toEqual(['عنوان داخلي', 'ارتفعت صادرات التمور بنسبة 24 بالمائة حسب الوكالة الرسمية.', 'البند الأول', 'البند الثاني', 'قال المدير إن الموسم جيد.'])
  })

  it('uses a first # heading as the title, and Arabic front matter keys', () => {
    const { article } = one('b.md', '---\nالكاتب: علي\nالتاريخ: 3 أوت 2016\n---\n# افتتاح *المهرجان*\n\nنص الخبر.')
    expect(article).toMatchObject({ title: 'افتتاح المهرجان', author: 'علي', publishedAt: '2016-08-03', paragraphs: ['نص الخبر.'] })
  })

  it('strips inline syntax', () => {
    expect(stripInlineMarkdown('**غامق** و*مائل* و`رمز` و![صورة](a.png) و[رابط](http://x) و~~محذوف~~')).toBe('غامق ومائل ورمز وصورة ورابط ومحذوف')
    expect(stripInlineMarkdown('snake_case_name stays')).toBe('snake_case_name stays')
  })
})

describe.skipIf(!hasCorpus)('corpus: the seed article', () => {
  it('has no title line: derived title, author from the last line, no date', () => {
    const r = parseFile('000_8c8d6cd31ae2c44f.txt', readFileSync(corpusPath('seed/000_8c8d6cd31ae2c44f.txt')))
    expect(r.format).toBe('text')
    expect(r.encoding).toBe('utf-8')
    expect(r.articles).toHaveLength(1)
    const a = r.articles[0]!
    expect(a.author).toBe('غرفة التحرير')
    expect(a.titleDerived).toBe(true)
    expect(a.title.startsWith('لم تكد تمر أيام قليلة على بداية العام 2022')).toBe(true)
    expect(a.title.split(' ').length).toBeLessThanOrEqual(12)
    expect(a.publishedAt).toBeNull()
    expect(a.datePrecision).toBe('unknown')
    expect(a.paragraphs.some((p) => p.includes('الكاتب'))).toBe(false)
    // No blank lines in the file: every line is a paragraph, section headings included.
    expect(a.paragraphs).toHaveLength(23)
    expect(a.paragraphs).toContain('الانسحاب: مرحلة عراقية جديدة')
    expect(a.paragraphs[0]!.startsWith('لم تكد تمر')).toBe(true)
  })
})
