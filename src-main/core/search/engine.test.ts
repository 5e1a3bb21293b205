import { describe, expect, it } from 'vitest'
import MiniSearch from 'minisearch'
import { sampleSearchDocuments } from '../../../test-support/articles'
import { bulkBuilder } from './bulk-build'
import { createIndex, search, type SearchDocument } from './engine'

const { docs, texts, loadText } = sampleSearchDocuments()

describe('building the index', () => {
  it('in bulk gives exactly the index that adding one by one gives, and it can still change after', () => {
    const plain = createIndex()
    plain.addAll(docs)
    const bulk = createIndex()
    const builder = bulkBuilder(bulk)
    builder.add(docs.slice(0, 4))
    builder.add(docs.slice(4, 7))
    builder.flush() // searchable now; the same builder goes on (as when following an import)
    builder.add(docs.slice(7))
    builder.flush()
    expect(JSON.stringify(bulk)).toEqual(JSON.stringify(plain))

    // MiniSearch's own add and discard are back once the builder is done.
    bulk.discard(1)
    plain.discard(1)
    bulk.add({ ...docs[0]!, id: 100 })
    plain.add({ ...docs[0]!, id: 100 })
    expect(JSON.stringify(bulk)).toEqual(JSON.stringify(plain))
  })
  // Documents with many distinct word forms (the form table grows several times), some repeated
  // within a field and across fields, with stopwords and forms that stem to one term.
  const manyForms = (count: number): SearchDocument[] => {
    const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'
    const word = (n: number) => {
      let w = ''
      for (let k = n + 1; k > 0; k = Math.floor(k / letters.length)) w += letters[k % letters.length]
      return w
    }
    return Array.from({ length: count }, (_, i) => ({
      id: i + 1,
      title: `ال${word(i)} و${word(i * 7)} ${word(i)}`,
      body: Array.from({ length: 40 }, (_, k) => `${['في', 'من', 'ال', 'و'][k % 4]}${word(i * 40 + k)} ${word(i * 3 + k)}`).join(' '),
      author: '',
      source: i % 3 ? 'وكالة الأنباء' : '',
      date: '',
    }))
  }

  it('in bulk gives the same index with thousands of word forms, and when it forgets them on the way', () => {
    const docs = manyForms(400)
    const plain = createIndex()
    plain.addAll(docs)
    for (const rememberForms of [undefined, 3000]) {
      const bulk = createIndex()
      const builder = bulkBuilder(bulk, rememberForms ? { rememberForms } : {})
      for (let i = 0; i < docs.length; i += 150) builder.add(docs.slice(i, i + 150))
      builder.flush()
      expect(JSON.stringify(bulk)).toEqual(JSON.stringify(plain))
    }
  })

  it('in bulk gives the same index with a tokenizer that gives its words as strings only', () => {
    // MiniSearch's own tokenizer gives empty words around punctuation: '.a b.' is ['', 'a', 'b', ''].
    const docs = manyForms(200).map((d) => ({ ...d, title: `.${d.title}. ،${d.title}،` }))
    const options = { fields: ['title', 'body', 'source'], storeFields: ['source'] }
    const plain = new MiniSearch<SearchDocument>(options)
    plain.addAll(docs)
    const bulk = new MiniSearch<SearchDocument>(options)
    const builder = bulkBuilder(bulk)
    builder.add(docs)
    builder.flush()
    expect(JSON.stringify(bulk)).toEqual(JSON.stringify(plain))
  })
})

describe('queries', () => {
  const index = createIndex()
  index.addAll(docs)
  const ids = (q: string, extra: object = {}) => search(index, { q, ...extra }, loadText).hits.map((h) => h.id)
  const having = (pred: (d: SearchDocument) => boolean) => docs.filter(pred).map((d) => d.id)

  it('exclude words with -, in any form', () => {
    const all = ids('الامطار')
    const without = ids('الامطار -السيول')
    expect(without.length).toBeLessThan(all.length)
    for (const id of without) expect(texts.get(id)!.body + texts.get(id)!.title).not.toMatch(/سيول/)
  })

  it('restrict words to a field with title:, source: and author:', () => {
    const inTitle = ids('title:الخط')
    expect(inTitle.length).toBeGreaterThan(0)
    for (const id of inTitle) expect(texts.get(id)!.title).toMatch(/الخط/)
    const source = docs[0]!.source
    expect(ids(`source:${source.split(' ')[0]}`).sort()).toEqual(having((d) => d.source.split(' ').includes(source.split(' ')[0]!)).sort())
  })

  it('filter by outlet, year and date range', () => {
    const source = docs[3]!.source
    for (const id of ids('الامطار OR مترو', { filters: { sources: [source] } })) expect(docs[id - 1]!.source).toBe(source)
    const year = Number(docs[0]!.date.slice(0, 4))
    for (const id of ids('الامطار OR مترو', { filters: { years: [year] } })) expect(docs[id - 1]!.date.startsWith(String(year))).toBe(true)
    for (const id of ids('الامطار OR مترو', { filters: { from: `${year}-03`, to: `${year}-06` } })) {
      expect(docs[id - 1]!.date >= `${year}-03`).toBe(true)
      expect(docs[id - 1]!.date.slice(0, 7) <= `${year}-06`).toBe(true)
    }
  })

  it('find words by their beginning with *, a stopword\'s letters included', () => {
    const withManzil = having((d) => /منزل/.test(d.title + d.body))
    expect(withManzil.length).toBeGreaterThan(0)
    for (const id of withManzil) expect(ids('من*')).toContain(id)
    expect(ids('منز*').sort()).toEqual(having((d) => /(^|[^\p{L}])(?:[وفبلك]|ال|وال|بال)?منز/u.test(d.title + ' ' + d.body)).sort())
  })

  it('sort by date, newest or oldest first', () => {
    const newest = search(index, { q: 'الامطار OR مترو', sort: 'date_desc' }, loadText).hits.filter((h) => !h.partial).map((h) => h.date)
    expect(newest).toEqual([...newest].sort().reverse())
    const oldest = search(index, { q: 'الامطار OR مترو', sort: 'date_asc' }, loadText).hits.filter((h) => !h.partial).map((h) => h.date)
    expect(oldest).toEqual([...oldest].sort())
  })

  it('count facets over every hit', () => {
    const outcome = search(index, { q: 'الامطار OR مترو' }, loadText)
    const total = outcome.facets.source.reduce((n, f) => n + f.count, 0)
    expect(total).toBe(outcome.hits.filter((h) => h.source).length)
  })
})
