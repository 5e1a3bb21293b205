import { describe, expect, it } from 'vitest'
import { findHighlights, normalizeArabic, segments } from './highlight'

/** The original substrings a query highlights in `text`. */
const marked = (text: string, q: string) => findHighlights(text, q).map(([s, e]) => text.slice(s, e))

describe('normalizeArabic', () => {
  it('drops diacritics and tatweel, folds alef, hamza seats, ya and ta marbuta', () => {
    expect(normalizeArabic('الحكـــومةُ')).toBe('الحكومه')
    expect(normalizeArabic('أَسْعَارٌ')).toBe('اسعار')
    expect(normalizeArabic('إنّ آخر ٱلمستشفى مسؤول بريئة')).toBe('ان اخر المستشفي مسوول برييه')
  })

  it('reads Arabic-Indic and Persian digits as ASCII, and Latin in lower case', () => {
    expect(normalizeArabic('٥٦٠٠ ۱۲ Metro')).toBe('5600 12 metro')
  })
})

describe('findHighlights', () => {
  it('finds a word written with tatweel and ta marbuta from a plain query', () => {
    const title = 'الحكـــومة تخصص 45 مليون دينار لإعادة إعمار الأحياء المتضررة في السنابل'
    expect(marked(title, 'الحكومه')).toEqual(['الحكـــومة'])
  })

  it('finds hamza forms from a hamza-less query, and the other way round', () => {
    const text = 'موسم الزيتون في تازروت: صابة أقل وأسعار قياسية لزيت الزيتون. ارتفاع اسعار الياميش'
    expect(marked(text, 'اسعار')).toEqual(['وأسعار', 'اسعار'])
    expect(marked(text, 'أسعار')).toEqual(['وأسعار', 'اسعار'])
    expect(marked(text, 'إعمار')).toEqual([])
  })

  it('ignores diacritics on either side, and keeps them inside the highlighted word', () => {
    const text = 'وَقَالَ الوَزِيرُ إِنَّ الحُكُومَةَ سَتُعِيدُ إِعْمَارَ الأَحْيَاءِ.'
    expect(marked(text, 'الوزير')).toEqual(['الوَزِيرُ'])
    expect(marked(text, 'حُكومة')).toEqual(['الحُكُومَةَ'])
    expect(marked(text, 'اعمار')).toEqual(['إِعْمَارَ'])
  })

  it('sets leading clitics aside on both sides', () => {
    const text = 'قدمت الحكومة وللحكومة وبالحكومة حكومتان، ووزير الري والوزير'
    expect(marked(text, 'حكومة')).toEqual(['الحكومة', 'وللحكومة', 'وبالحكومة'])
    expect(marked(text, 'الوزير')).toEqual(['ووزير', 'والوزير'])
  })

  it('treats a query word as the beginning of a text word (light stemming), but not a short one', () => {
    const text = 'بدأت المفاوضات بين المفاوض والمفاوضين في فيضانات السنابل'
    expect(marked(text, 'مفاوض')).toEqual(['المفاوضات', 'المفاوض', 'والمفاوضين'])
    expect(marked(text, 'في')).toEqual(['في'])
  })

  it('highlights whole words, not the punctuation around them', () => {
    const text = 'من حيّي الطواحين، والجسر القديم («الطواحين»)'
    expect(marked(text, 'الطواحين')).toEqual(['الطواحين', 'الطواحين'])
    const ranges = findHighlights(text, 'الطواحين')
    expect(ranges[0]).toEqual([text.indexOf('الطواحين'), text.indexOf('الطواحين') + 'الطواحين'.length])
  })

  it('reads the query language: phrases, prefixes, OR, fields and exclusions', () => {
    const text = 'افتتاح الخط الثالث لمترو المرجان بعد سيول السنابل'
    expect(marked(text, '"الخط الثالث"')).toEqual(['الخط', 'الثالث'])
    expect(marked(text, 'مرج* OR سيول -السنابل')).toEqual(['المرجان', 'سيول'])
    expect(marked(text, 'title:لمترو')).toEqual(['لمترو'])
    expect(marked(text, 'المرجن~')).toEqual([])
  })

  it('matches digits however they are written', () => {
    expect(marked('يتجاوز ٥٦٠٠ ميغاواط', '5600')).toEqual(['٥٦٠٠'])
  })

  it('finds nothing for an empty query or a query of operators', () => {
    expect(findHighlights('سيول السنابل', '')).toEqual([])
    expect(findHighlights('سيول السنابل', '-سيول OR')).toEqual([])
  })
})

describe('segments', () => {
  it('cuts text into plain and marked parts from unsorted, overlapping and out-of-range ranges', () => {
    expect(segments('abcdefgh', [[6, 20], [1, 3], [2, 4]])).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'ef', mark: false },
      { text: 'gh', mark: true },
    ])
    expect(segments('abc', [])).toEqual([{ text: 'abc', mark: false }])
    expect(segments('abc', [[2, 1], [-5, 0]])).toEqual([{ text: 'abc', mark: false }])
  })
})
