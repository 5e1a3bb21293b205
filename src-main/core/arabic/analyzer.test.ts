import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import MiniSearch from 'minisearch'
import { hasCorpus, corpusPath } from '../../../test-support/corpus'
import {
  analyze,
  processTerm,
  normalizeQueryTerm,
  expandQueryTerm,
  createAnalyzer,
  miniSearchAnalysis,
  ANALYZER_ID,
  ARABIC_STOPWORDS,
  tokenize,
  normalize,
} from './index'

describe('processTerm', () => {
  it('normalizes and stems a word', () => {
    expect(processTerm('والمفاوضاتِ')).toBe('مفاوض')
    expect(processTerm('الحكومةُ')).toBe('حكوم')
    expect(processTerm('وزيرٌ')).toBe('وزير')
  })

  it('drops stopwords, also after و/ف and after ب/ل/ك when 3 letters or more follow', () => {
    for (const w of ['في', 'إلى', 'الذي', 'وهو', 'فإن', 'وقد', 'لهذا', 'بذلك', 'وقال']) expect(processTerm(w), w).toBeNull()
    expect(processTerm('بان')).toBe('بان') // ب + أن? or بان (appeared), Ban Ki-moon: kept
  })

  it('drops a lone Arabic letter (هـ after a Hijri year, م after a Gregorian one)', () => {
    expect(processTerm('هـ')).toBeNull()
    expect(processTerm('م')).toBeNull()
    expect(processTerm('و')).toBeNull()
  })

  it('keeps numbers (in ASCII digits) and Latin words (lowercased)', () => {
    expect(processTerm('٢٠٢٢')).toBe('2022')
    expect(processTerm('240')).toBe('240')
    expect(processTerm('RAM')).toBe('ram')
    expect(processTerm('C')).toBe('c')
  })

  it('returns null for a word that normalizes to nothing', () => {
    expect(processTerm('ـــ')).toBeNull()
    expect(processTerm('\u064E')).toBeNull()
  })
})

describe('analyze', () => {
  it('gives each index term with the offsets of its original word', () => {
    const text = 'قالَ وزيرُ الخارجيةِ إنّ المفاوضاتِ مستمرةٌ منذ عام ٢٠٢٢.'
    const terms = analyze(text)
    expect(terms.map((t) => t.term)).toEqual(['وزير', 'خارج', 'مفاوض', 'مستمر', 'عام', '2022'])
    expect(terms.map((t) => text.slice(t.start, t.end))).toEqual(['وزيرُ', 'الخارجيةِ', 'المفاوضاتِ', 'مستمرةٌ', 'عام', '٢٠٢٢'])
  })

  it('keeps offsets right after tatweel and zero-width characters that normalization removes', () => {
    const text = 'الـــحكومة \u200Fو\u200Cزارة'
    const terms = analyze(text)
    expect(terms.map((t) => t.term)).toEqual(['حكوم', 'وزار'])
    expect(text.slice(terms[0]!.start, terms[0]!.end)).toBe('الـــحكومة')
    expect(text.slice(terms[1]!.start, terms[1]!.end)).toBe('و\u200Cزارة')
  })

  it('can be configured: no stopwords, no stemming', () => {
    const raw = createAnalyzer({ stopwords: false, stem: false })
    expect(raw.analyze('في الحكومة').map((t) => t.term)).toEqual(['في', 'الحكومه'])
    expect(createAnalyzer({ stem: { waw: 'lucene' } }).processTerm('وزير')).toBe('زير')
  })
})

describe('query side', () => {
  it('normalizeQueryTerm analyzes a query word as the index does', () => {
    for (const w of ['الحكومة', 'وزارة', 'في', 'C', 'مسيّرتين']) expect(normalizeQueryTerm(w)).toBe(processTerm(w))
  })

  it('normalizeQueryTerm with prefix: keeps stopwords, and a word\'s stem prefixes its longer forms\' stems', () => {
    expect(normalizeQueryTerm('من', { prefix: true })).toBe('من')
    const p = normalizeQueryTerm('حكومات', { prefix: true })!
    for (const w of ['حكوماتها', 'الحكومات', 'حكومة']) expect(processTerm(w)!.startsWith(p), w).toBe(true)
    expect(processTerm('منظمة')!.startsWith(normalizeQueryTerm('من', { prefix: true })!)).toBe(true)
  })

  it('expandQueryTerm adds the reading without a glued ب، ل or ك', () => {
    expect(expandQueryTerm('بمرض')).toEqual(['بمرض', 'مرض'])
    expect(expandQueryTerm('لسويسرا')).toEqual(['لسويسر', 'سويسر'])
    expect(expandQueryTerm('وبمرض')).toEqual(['بمرض', 'مرض'])
  })

  it('expandQueryTerm adds nothing for the article, short words and stopwords', () => {
    expect(expandQueryTerm('بالمرض')).toEqual(['مرض'])
    expect(expandQueryTerm('بلد')).toEqual(['بلد'])
    expect(expandQueryTerm('في')).toEqual([])
  })
})

describe('with MiniSearch', () => {
  const docs = [
    { id: 1, text: 'استؤنفت المفاوضاتُ بين الحكومة والمعارضة' },
    { id: 2, text: 'زار الوزيرُ وزارةَ الخارجية' },
    { id: 3, text: 'أطلقت طائرتان مسيّرتان على القاعدة' },
    { id: 4, text: 'بيع طن من القمح' },
  ]
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], ...miniSearchAnalysis })
  index.addAll(docs)
  const ids = (q: string, opts = {}) => index.search(q, opts).map((r) => r.id)

  it('finds a word through its other forms', () => {
    expect(ids('والمفاوضات')).toEqual([1])
    expect(ids('حكومات')).toEqual([1])
    expect(ids('مسيرتان')).toEqual([3])
    expect(ids('الوزراء وزير')).toEqual([2])
  })

  it('does not find طن (ton) for وطني, nor anything for stopwords', () => {
    expect(ids('وطني')).toEqual([])
    expect(ids('في من إلى')).toEqual([])
  })

  it('uses expandQueryTerm as the search-time processTerm', () => {
    expect(ids('بالقمح')).toEqual([4])
    expect(ids('لقمح')).toEqual([])
    expect(ids('لقمح', { processTerm: expandQueryTerm })).toEqual([4])
  })

  it('has an analyzer id for index versioning', () => {
    expect(ANALYZER_ID).toMatch(/^arshif-ar-/)
  })
})

describe.skipIf(!hasCorpus)('on the seed article', () => {
  const text = hasCorpus ? readFileSync(corpusPath('seed/000_8c8d6cd31ae2c44f.txt'), 'utf8') : ''
  const terms = analyze(text)
  const surfaces = (term: string) => new Set(terms.filter((t) => t.term === term).map((t) => text.slice(t.start, t.end)))

  it('maps every term back to a word of the original text that analyzes to it', () => {
    expect(terms.length).toBeGreaterThan(400)
    const words = new Set(tokenize(text).map((t) => `${t.start}:${t.end}`))
    for (const t of terms) {
      expect(words.has(`${t.start}:${t.end}`)).toBe(true)
      expect(processTerm(text.slice(t.start, t.end))).toBe(t.term)
    }
  })

  it('highlights مسيّرتين with its shadda when the query is typed without it', () => {
    const query = processTerm('مسيرتين')
    expect(surfaces(query!)).toEqual(new Set(['مسيرتين', 'مسيّرتين']))
  })

  it('keeps C-RAM, 240 and the years as terms', () => {
    const c = terms.find((t) => t.term === 'c')!
    expect(text.slice(c.start, c.end + 4)).toBe('C-RAM')
    expect(surfaces('ram')).toEqual(new Set(['RAM']))
    for (const n of ['240', '2022', '2003', '2008', '2011']) expect(surfaces(n).size, n).toBe(1)
  })

  it('brings the spellings of أمريكي together (hamza or not, suffixes)', () => {
    expect(surfaces('امريك')).toEqual(new Set(['الامريكية', 'الأمريكي', 'الأمريكية', 'الأمريكيين', 'الامريكي']))
    expect(surfaces('حكوم')).toEqual(new Set(['الحكومة', 'حكومية', 'حكومة']))
    expect(surfaces('يوم')).toEqual(new Set(['يوماً', 'يوم', 'اليوم']))
  })

  it('keeps وزراء whole and drops the stopwords', () => {
    expect(surfaces('وزراء')).toEqual(new Set(['وزراء']))
    for (const t of terms) expect(ARABIC_STOPWORDS.has(normalize(text.slice(t.start, t.end))), t.term).toBe(false)
    for (const w of ['في', 'من', 'التي', 'هذه']) expect(terms.some((t) => text.slice(t.start, t.end) === w), w).toBe(false)
    const dropped = tokenize(text).length - terms.length
    expect(dropped / tokenize(text).length).toBeGreaterThan(0.2)
  })

  it('finds the right paragraph with MiniSearch', () => {
    const paragraphs = text.split('\n').filter(Boolean).map((p, id) => ({ id, text: p }))
    const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], ...miniSearchAnalysis })
    index.addAll(paragraphs)
    const top = (q: string) => paragraphs[index.search(q, { combineWith: 'AND' })[0]!.id]!.text
    expect(top('منظومة C-RAM')).toContain('C-RAM')
    expect(top('وزراء خارجية تموز')).toContain('وزراء الخارجية')
    expect(index.search('مسيرتين').length).toBe(2)
  })
})
