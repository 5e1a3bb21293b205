import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusPath, hasCorpus } from '../../../../test-support/corpus'
import { parseFile } from './index'
import { squash, utf8 } from './test-helpers'

const para = (n: number) =>
  `<p>الفقرة رقم ${n}: قال المتحدث الرسمي باسم الوزارة إن الحكومة ستواصل العمل على تنفيذ الخطة الوطنية للإصلاح الاقتصادي خلال الأشهر المقبلة، مؤكداً أن النتائج الأولى ظهرت بالفعل في عدة قطاعات حيوية.</p>`

const page = (head: string, article: string) => `<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">${head}
<style>.x { color: red } body::after { content: "STYLE-LEAK" }</style>
<script>var leak = "SCRIPT-LEAK"; document.write("SCRIPT-LEAK")</script>
</head><body>
<nav class="menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<div class="sidebar"><h3>الأكثر قراءة</h3><ul><li>خبر جانبي أول</li><li>خبر جانبي ثان</li></ul></div>
<article><h1>العنوان في الصفحة</h1>${article}</article>
<footer>جميع الحقوق محفوظة © 2020</footer>
<script>console.log("SCRIPT-LEAK")</script>
</body></html>`

describe('html', () => {
  it('takes the text from the article and metadata from meta tags', () => {
    const html = page(
      `<title>عنوان الوسم | الموقع</title>
       <meta property="og:title" content="الحكومة تواصل الإصلاح">
       <meta property="og:site_name" content="صحيفة المثال">
       <meta property="article:published_time" content="2020-03-05T10:15:00+03:00">
       <meta name="author" content="محمد علي">
       <meta property="article:tag" content="اقتصاد">
       <link rel="canonical" href="https://example.org/news/1">`,
      [1, 2, 3, 4].map(para).join('\n') + '<ul><li>بند أول في القائمة</li><li>بند ثان</li></ul><blockquote>اقتباس من البيان</blockquote>',
    )
    const r = parseFile('page.html', utf8(html))
    expect(r.format).toBe('html')
    expect(r.articles).toHaveLength(1)
    const a = r.articles[0]!
    expect(a).toMatchObject({
      title: 'الحكومة تواصل الإصلاح',
      source: 'صحيفة المثال',
      author: 'محمد علي',
      publishedAt: '2020-03-05T10:15:00+03:00',
      datePrecision: 'datetime',
      url: 'https://example.org/news/1',
      language: 'ar',
      tags: ['اقتصاد'],
    })
    expect(a.paragraphs[0]).toMatch(/^الفقرة رقم 1:/)
    expect(a.paragraphs).toContain('بند أول في القائمة')
    expect(a.paragraphs).toContain('اقتباس من البيان')
    const all = a.paragraphs.join('\n')
    expect(all).not.toMatch(/LEAK|<\/?[a-z]+[ >]|color: red/)
    expect(all).not.toContain('جميع الحقوق محفوظة')
    expect(all).not.toContain('الرئيسية')
  })

  it('prefers JSON-LD NewsArticle metadata', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'موقع' },
        {
          '@type': 'NewsArticle',
          headline: 'عنوان من JSON-LD',
          datePublished: '2019-11-02T08:00:00Z',
          author: [{ '@type': 'Person', name: 'ليلى حسن' }],
          publisher: { '@type': 'Organization', name: 'وكالة المثال' },
          keywords: ['سياسة', 'انتخابات'],
        },
      ],
    }
    const html = page(`<meta property="og:title" content="عنوان og"><script type="application/ld+json">${JSON.stringify(ld)}</script>`, [1, 2, 3].map(para).join(''))
    const a = parseFile('ld.htm', utf8(html)).articles[0]!
    expect(a).toMatchObject({ title: 'عنوان من JSON-LD', author: 'ليلى حسن', source: 'وكالة المثال', publishedAt: '2019-11-02T08:00:00Z', tags: ['سياسة', 'انتخابات'] })
  })

  it('drops a leading headline and date line from the body and uses the date', () => {
    const html = page('<title>خبر</title>', '<h2>خبر</h2><p>الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)</p>' + [1, 2, 3].map(para).join(''))
    const a = parseFile('d.html', utf8(html)).articles[0]!
    expect(a.publishedAt).toBe('2013-08-28')
    expect(a.paragraphs[0]).toMatch(/^الفقرة رقم 1/)
  })

  it('falls back to the page text for tiny pages and reports a missing title', () => {
    const r = parseFile('tiny.html', utf8('<html><body><div>سطر واحد من النص<br>وسطر آخر</div><script>x="SCRIPT-LEAK"</script></body></html>'))
    expect(r.articles).toHaveLength(1)
    const a = r.articles[0]!
    expect(a.paragraphs).toEqual(['سطر واحد من النص', 'وسطر آخر'])
    expect(a.titleDerived).toBe(true)
    expect(r.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/title is empty/)])
  })

  it('reports a page without text', () => {
    const r = parseFile('blank.html', utf8('<html><head><title></title></head><body><script>1</script></body></html>'))
    expect(r.articles).toEqual([])
    expect(r.problems.map((p) => p.reason)).toEqual([expect.stringMatching(/Neither a title nor any text/)])
  })
})

describe.skipIf(!hasCorpus)('corpus: saved news pages', () => {
  it('cnn-arabic-2013.html keeps every expected paragraph', () => {
    const r = parseFile('cnn-arabic-2013.html', readFileSync(corpusPath('html/cnn-arabic-2013.html')))
    const a = r.articles[0]!
    expect(a.title).toBe('معارضون يسيطرون على مخازن للصواريخ بريف دمشق')
    expect(a.source).toBe('CNNArabic')
    expect(a.publishedAt).toBe('2013-08-28')
    const body = squash(a.paragraphs.join('\n'))
    const expected = readFileSync(corpusPath('html/cnn-arabic-2013.expected.txt'), 'utf8').split(/\n\s*\n/).map(squash).filter(Boolean)
    expect(expected.length).toBeGreaterThan(5)
    for (const p of expected) expect(body).toContain(p)
    expect(a.paragraphs[0]).toBe(expected[0])
    expect(body).not.toMatch(/<[a-z]|function\s*\(/i)
  })

  it('assabah-tn.html keeps the interview and drops the page furniture', () => {
    const r = parseFile('assabah-tn.html', readFileSync(corpusPath('html/assabah-tn.html')))
    const expected = Object.values(JSON.parse(readFileSync(corpusPath('html/assabah-tn.expected.json'), 'utf8')))[0] as { title: string; with: string[]; without: string[] }
    const a = r.articles[0]!
    expect(a.title).toBe(squash(expected.title))
    expect(a.source).toBe('Assabah News')
    const body = squash(a.paragraphs.join('\n'))
    for (const s of expected.with) expect(body).toContain(s)
    for (const s of expected.without) expect(body).not.toContain(s)
  })
})

describe('html fragments', () => {
  it('reads pages without <html> or <body> tags', () => {
    const r = parseFile('frag.html', utf8('<meta charset="utf-8"><title>عنوان الجزء</title><p>فقرة أولى.</p><p>فقرة ثانية.</p>'))
    expect(r.articles[0]).toMatchObject({ title: 'عنوان الجزء', paragraphs: ['فقرة أولى.', 'فقرة ثانية.'] })
    const r2 = parseFile('frag2.html', utf8('<html><head><title>ع</title></head><p>نص بلا وسم body.</p></html>'))
    expect(r2.articles[0]).toMatchObject({ title: 'ع', paragraphs: ['نص بلا وسم body.'] })
  })
})
