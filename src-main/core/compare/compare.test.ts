import { describe, expect, it } from 'vitest'
import { compareArticles, type ComparedArticle, type Comparison, type ParagraphRange } from '.'
import { diffWords } from './diff'
import { numberValue } from './figures'

const P = [
  'أعلنت قيادة القوات المشتركة أن 4 صواريخ أطلقت من الأراضي اليمنية سقطت على منطقة جازان يوم الخميس دون وقوع إصابات بين المدنيين.',
  'وأضاف المتحدث الرسمي أن الدفاعات الجوية اعترضت صاروخين آخرين قبل وصولهما إلى أهدافهما في المنطقة الحدودية مساء أمس.',
  'وأكد أن القوات المسلحة ستواصل عملياتها لحماية حدود المملكة وأمن مواطنيها والمقيمين فيها من أي اعتداء مهما كان مصدره.',
  'من جهة أخرى افتتح أمير المنطقة معرض الكتاب السنوي الذي يستمر عشرة أيام بمشاركة مئات دور النشر العربية والأجنبية.',
  'وشهدت أسواق الخضار في العاصمة ارتفاعا ملحوظا في الأسعار مع اقتراب شهر رمضان وزيادة الطلب على السلع الغذائية الأساسية.',
]

let nextId = 1
const article = (paragraphs: string[], extra: Partial<ComparedArticle> = {}): ComparedArticle => ({
  id: nextId++,
  title: 'سقوط صواريخ على جازان',
  source: 'واس',
  date: '2015-08-07',
  datePrecision: 'day',
  author: null,
  url: null,
  paragraphs,
  ...extra,
})

/** The original text a range points at. */
const textAt = (c: Comparison, side: 'a' | 'b', r: ParagraphRange) => c[side].paragraphs[r.paragraph]!.slice(r.start, r.end)
const rowsOf = (c: Comparison) => c.rows.map((r) => ({ kind: r.kind, a: r.a, b: r.b, moved: r.moved }))

describe('comparing two articles', () => {
  it('counts diacritics, tatweel and hamza forms as no difference', () => {
    const a = article(P.slice(0, 3))
    const b = article([
      'أعلنَت قيادةُ القوات المشتركة إن 4 صواريخ اطلقت من الاراضي اليمنية سقطت علي منطقة جازان يوم الخميس دون وقوع اصابات بين المدنيين.',
      'وأضـــاف المتحدث الرسمي أن الدفاعات الجوية اعترضت صاروخين آخرين قبل وصولهما إلى أهدافهما في المنطقة الحدودية مساء أمس.',
      P[2]!,
    ])
    const c = compareArticles(a, b)
    expect(rowsOf(c)).toEqual([0, 1, 2].map((i) => ({ kind: 'same', a: [i], b: [i], moved: false })))
    expect(c.rows.flatMap((r) => [...r.aChanges, ...r.bChanges])).toEqual([])
    expect(c.summary).toMatchObject({ aInB: 1, bInA: 1, addedParagraphs: 0, removedParagraphs: 0, figureDifferences: 0 })
    expect(c.summary.line).toEqual({ ar: 'أ وب تحملان النص نفسه', en: 'A and B carry the same text' })
  })

  it('calls out a date that differs in two places once', () => {
    const a = article(['افتتح الوزير المعرض يوم 5 آب 2015 بحضور عدد كبير من الزوار والمسؤولين ورجال الأعمال في المدينة.'])
    const b = article(['افتتح الوزير المعرض يوم 6 آب 2016 بحضور عدد كبير من الزوار والمسؤولين ورجال الأعمال في المدينة.'])
    const dates = compareArticles(a, b).figures.filter((f) => f.kind === 'date')
    expect(dates.map((f) => [f.a.text, f.b.text])).toEqual([['5 آب 2015', '6 آب 2016']])
  })

  it('counts a hamza written on another seat as the same word (مسؤول / مسئول)', () => {
    const a = article(['وقال مسؤول في وزارة الشؤون البلدية إن العمل سيبدأ الأسبوع المقبل في المشروع الجديد.'])
    const b = article(['وقال مسئول في وزارة الشئون البلدية إن العمل سيبدأ الأسبوع المقبل في المشروع الجديد.'])
    const c = compareArticles(a, b)
    expect(c.rows.flatMap((r) => [...r.aChanges, ...r.bChanges])).toEqual([])
    expect(c.summary).toMatchObject({ aInB: 1, bInA: 1 })
  })

  it('reports changed words as ranges of the original text, diacritics included', () => {
    const a = article([P[1]!])
    const b = article(['وأضافَ المتحدثُ الرسمي أن الدفاعات الجوية أسقطت صاروخين آخرين قبل وصولهما إلى أهدافهما في المنطقة الحدودية مساء أمس.'])
    const c = compareArticles(a, b)
    expect(c.rows).toHaveLength(1)
    expect(c.rows[0]!.kind).toBe('changed')
    expect(c.rows[0]!.aChanges.map((r) => textAt(c, 'a', r))).toEqual(['اعترضت'])
    expect(c.rows[0]!.bChanges.map((r) => textAt(c, 'b', r))).toEqual(['أسقطت'])
  })

  it('pairs reordered paragraphs and marks the one that moved', () => {
    const c = compareArticles(article(P.slice(0, 4)), article([P[2]!, P[0]!, P[1]!, P[3]!]))
    expect(rowsOf(c)).toEqual([
      { kind: 'same', a: [0], b: [1], moved: false },
      { kind: 'same', a: [1], b: [2], moved: false },
      { kind: 'same', a: [2], b: [0], moved: true },
      { kind: 'same', a: [3], b: [3], moved: false },
    ])
    expect(c.summary).toMatchObject({ aInB: 1, bInA: 1, addedParagraphs: 0, removedParagraphs: 0 })
  })

  it('pairs one paragraph with the two it was split into, and two merged into one', () => {
    const cut = P[1]!.indexOf('قبل')
    const split = compareArticles(article(P.slice(0, 3)), article([P[0]!, P[1]!.slice(0, cut).trim(), P[1]!.slice(cut), P[2]!]))
    expect(rowsOf(split)).toEqual([
      { kind: 'same', a: [0], b: [0], moved: false },
      { kind: 'same', a: [1], b: [1, 2], moved: false },
      { kind: 'same', a: [2], b: [3], moved: false },
    ])
    const merged = compareArticles(article(P.slice(0, 4)), article([P[0]!, `${P[1]} ${P[2]}`, P[3]!]))
    expect(rowsOf(merged)).toEqual([
      { kind: 'same', a: [0], b: [0], moved: false },
      { kind: 'same', a: [1, 2], b: [1], moved: false },
      { kind: 'same', a: [3], b: [2], moved: false },
    ])
  })

  it('lets unmatched paragraphs stand alone and says what B added and cut', () => {
    const c = compareArticles(article(P.slice(0, 3)), article([P[0]!, P[1]!, P[3]!, P[4]!]))
    expect(rowsOf(c)).toEqual([
      { kind: 'same', a: [0], b: [0], moved: false },
      { kind: 'same', a: [1], b: [1], moved: false },
      { kind: 'removed', a: [2], b: [], moved: false },
      { kind: 'added', a: [], b: [2], moved: false },
      { kind: 'added', a: [], b: [3], moved: false },
    ])
    expect(c.summary).toMatchObject({ addedParagraphs: 2, removedParagraphs: 1 })
    expect(c.summary.aInB).toBeCloseTo(2 / 3, 1)
    expect(c.summary.line.en).toBe(`B reprints ${Math.round(c.summary.aInB * 100)}% of A, cuts one paragraph and adds two paragraphs`)
    expect(c.summary.line.ar).toBe(`ب تعيد نشر ${Math.round(c.summary.aInB * 100)}٪ من أ وتحذف فقرة واحدة وتضيف فقرتين`)
  })

  it('says so when B reprints all of A and adds to it', () => {
    const c = compareArticles(article(P.slice(0, 2)), article([...P.slice(0, 2), P[3]!, P[4]!]))
    expect(c.summary.line).toEqual({ en: 'B reprints all of A and adds two paragraphs', ar: 'ب تعيد نشر أ كاملًا وتضيف فقرتين' })
  })

  it('calls out a changed number, in any digits, but not the same number written another way', () => {
    const a = article([P[0]!, P[1]!])
    const b = article([P[0]!.replace('4 صواريخ', '٣ صواريخ'), P[1]!.replace('صاروخين', 'صاروخين اثنين')])
    const c = compareArticles(a, b)
    expect(c.figures).toEqual([
      { kind: 'number', row: 0, a: { text: '4 صواريخ', value: '4', range: expect.any(Object) }, b: { text: '٣ صواريخ', value: '3', range: expect.any(Object) } },
    ])
    expect(textAt(c, 'a', c.figures[0]!.a.range)).toBe('4 صواريخ')
    expect(textAt(c, 'b', c.figures[0]!.b.range)).toBe('٣ صواريخ')
    expect(compareArticles(a, article([P[0]!.replace('4 صواريخ', 'أربعة صواريخ'), P[1]!])).figures).toEqual([])
    expect(compareArticles(a, article([P[0]!.replace('4 صواريخ', '۴ صواريخ'), P[1]!])).rows[0]!.kind).toBe('same')
  })

  it('calls out a changed date', () => {
    const a = article(['وقال المتحدث إن الاجتماع المقبل سيعقد في 15 أغسطس 2015 بحضور ممثلي الدول الأعضاء في المنظمة.'])
    const b = article(['وقال المتحدث إن الاجتماع المقبل سيعقد في 16 أغسطس 2015 بحضور ممثلي الدول الأعضاء في المنظمة.'])
    const c = compareArticles(a, b)
    expect(c.figures.map((f) => [f.kind, f.a.value, f.b.value])).toEqual([['date', '2015-08-15', '2015-08-16']])
    expect(c.figures[0]!.a.text).toContain('15 أغسطس 2015')
  })

  it('finds passages of eight words or more wherever they are, with ranges in both texts', () => {
    // B quotes the end of A's first paragraph and the start of its second inside a new paragraph.
    const quoted = 'وفي تعليق على الحادث قال مراقبون إن ' + P[0]!.slice(P[0]!.indexOf('سقطت')) + ' ' + P[1]!.slice(0, P[1]!.indexOf('قبل'))
    const a = article([P[0]!, P[1]!, P[3]!])
    const b = article([P[4]!, quoted])
    const c = compareArticles(a, b)
    expect(c.passages).toHaveLength(1)
    const [p] = c.passages
    expect(p!.id).toBe(1)
    expect(p!.a.ranges.map((r) => r.paragraph)).toEqual([0, 1])
    expect(p!.b.ranges.map((r) => r.paragraph)).toEqual([1])
    expect(p!.words).toBe(20)
    expect(p!.text.startsWith('سقطت على منطقة جازان')).toBe(true)
    expect(p!.text.endsWith('صاروخين آخرين')).toBe(true)
    // Body offsets point at the same text as the paragraph ranges.
    const bodyA = a.paragraphs.join('\n\n')
    const bodyB = b.paragraphs.join('\n\n')
    expect(bodyA.slice(p!.a.bodyStart, p!.a.bodyEnd)).toBe(p!.text)
    expect(bodyB.slice(p!.b.bodyStart, p!.b.bodyEnd)).toBe(p!.b.ranges.map((r) => textAt(c, 'b', r)).join(''))
    expect(textAt(c, 'a', p!.a.ranges[1]!)).toBe('وأضاف المتحدث الرسمي أن الدفاعات الجوية اعترضت صاروخين آخرين')
  })

  it('does not count runs shorter than eight words as shared passages', () => {
    const c = compareArticles(article(['قال الوزير إن المشروع سيكتمل قريبا جدا في المدينة المنورة.']), article(['قال الوزير إن المشروع سيكتمل قريبا ولم يحدد موعدا.']))
    expect(c.passages).toEqual([])
  })

  it('marks the metadata that differs, ignoring diacritics and hamza', () => {
    const c = compareArticles(article([P[0]!], { title: 'سقوطُ صواريخ على جازان', author: 'أحمد' }), article([P[0]!], { source: 'الرياض', author: 'احمد', url: 'http://x' }))
    expect(Object.fromEntries(c.metadata.map((m) => [m.field, m.same]))).toEqual({ title: true, source: false, date: true, author: true, url: false })
  })
})

describe('word diff', () => {
  it('finds the shortest edit', () => {
    const runs = diffWords([1, 2, 3, 4, 5], [1, 9, 3, 4, 5, 6])
    expect(runs.map((r) => [r.kind, r.aFrom, r.aTo, r.bFrom, r.bTo])).toEqual([
      ['equal', 0, 1, 0, 1],
      ['delete', 1, 2, 1, 1],
      ['insert', 2, 2, 1, 2],
      ['equal', 2, 5, 2, 5],
      ['insert', 5, 5, 5, 6],
    ])
    expect(diffWords([], [1, 2]).map((r) => r.kind)).toEqual(['insert'])
    expect(diffWords([7, 8], [7, 8]).map((r) => r.kind)).toEqual(['equal'])
  })
})

describe('number values', () => {
  it('reads digits of every script and numbers written out', () => {
    expect(['4', '1,200', '3.5', 'اربعه', 'وخمسه', 'عشرين', 'كتاب'].map(numberValue)).toEqual(['4', '1200', '3.5', '4', '5', '20', null])
  })
})
