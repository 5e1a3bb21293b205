import { describe, expect, it } from 'vitest'
import { formatQuery, parseQuery } from './query'

const terms = (q: string) => parseQuery(q).clauses

describe('parseQuery', () => {
  it('makes every plain word a clause of its own (all must match)', () => {
    expect(terms('الحكومة  الوزير')).toEqual([
      { atoms: [{ kind: 'term', text: 'الحكومة' }], negated: false },
      { atoms: [{ kind: 'term', text: 'الوزير' }], negated: false },
    ])
  })

  it('reads phrases in straight, Arabic and curly quotes', () => {
    for (const q of ['"وزير الخارجية"', '«وزير الخارجية»', '“وزير الخارجية”'])
      expect(terms(q)).toEqual([{ atoms: [{ kind: 'phrase', text: 'وزير الخارجية' }], negated: false }])
  })

  it('reads an unclosed phrase to the end instead of failing', () => {
    expect(terms('"وزير الخارجية')).toEqual([{ atoms: [{ kind: 'phrase', text: 'وزير الخارجية' }], negated: false }])
  })

  it('negates words and phrases with a leading minus', () => {
    expect(terms('سيول -السودان -"البحر الأحمر"')).toEqual([
      { atoms: [{ kind: 'term', text: 'سيول' }], negated: false },
      { atoms: [{ kind: 'term', text: 'السودان' }], negated: true },
      { atoms: [{ kind: 'phrase', text: 'البحر الأحمر' }], negated: true },
    ])
  })

  it('keeps a lone minus or a hyphenated word as text', () => {
    expect(terms('C-RAM - منظومة')).toEqual([
      { atoms: [{ kind: 'term', text: 'C-RAM' }], negated: false },
      { atoms: [{ kind: 'term', text: '-' }], negated: false },
      { atoms: [{ kind: 'term', text: 'منظومة' }], negated: false },
    ])
  })

  it('joins alternatives with OR or |', () => {
    expect(terms('سيول OR فيضانات | أمطار الطقس')).toEqual([
      { atoms: [{ kind: 'term', text: 'سيول' }, { kind: 'term', text: 'فيضانات' }, { kind: 'term', text: 'أمطار' }], negated: false },
      { atoms: [{ kind: 'term', text: 'الطقس' }], negated: false },
    ])
  })

  it('ignores a dangling OR', () => {
    expect(terms('OR سيول OR')).toEqual([{ atoms: [{ kind: 'term', text: 'سيول' }], negated: false }])
  })

  it('reads prefix and fuzzy terms', () => {
    expect(terms('مفاوض* الاتفاقيه~ مترو~2 قطار~9')).toEqual([
      { atoms: [{ kind: 'term', text: 'مفاوض', prefix: true }], negated: false },
      { atoms: [{ kind: 'term', text: 'الاتفاقيه', fuzzy: 1 }], negated: false },
      { atoms: [{ kind: 'term', text: 'مترو', fuzzy: 2 }], negated: false },
      { atoms: [{ kind: 'term', text: 'قطار', fuzzy: 2 }], negated: false },
    ])
  })

  it('restricts words and phrases to a field, in English or Arabic', () => {
    expect(terms('title:المترو source:"الرصد اليومي" كاتب:حداد')).toEqual([
      { atoms: [{ kind: 'term', text: 'المترو', field: 'title' }], negated: false },
      { atoms: [{ kind: 'phrase', text: 'الرصد اليومي', field: 'source' }], negated: false },
      { atoms: [{ kind: 'term', text: 'حداد', field: 'author' }], negated: false },
    ])
  })

  it('gives nothing for an empty or blank query', () => {
    expect(terms('')).toEqual([])
    expect(terms('   ')).toEqual([])
    expect(terms('* ~ ""')).toEqual([])
  })

  it('writes a parsed query back the way it was meant', () => {
    expect(formatQuery(parseQuery('سيول  OR فيضانات -"البحر الأحمر" title:مترو* قطار~2'))).toBe('سيول OR فيضانات -"البحر الأحمر" title:مترو* قطار~2')
  })
})
