// Property tests: whatever the bytes, parsing ends quickly, either with a result of the documented
// shape or with a ParseError, never another exception.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseFile, ParseError, previewRecords } from './index'
import { encodeSingleByte, encodeUtf16, utf8 } from './test-helpers'

const NAMES = ['a.txt', 'a.md', 'a.html', 'a.json', 'a.jsonl', 'a.csv', 'a.tsv', 'a.trec', 'noext', 'a.bin']

const FIXTURES: Uint8Array[] = [
  utf8('افتتاح المعرض\n7 أغسطس 2015\n\nافتتح الوزير المعرض اليوم.\nويستمر أسبوعاً.\n\nالكاتب: سارة\n'),
  utf8('---\ntitle: "عنوان"\ndate: 2017-01-25\ntags: [أ, ب]\n---\n# رأس\n\n**نص** و[رابط](http://x) و_مائل_\n\n- بند\n> اقتباس\n'),
  utf8('<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><meta property="og:title" content="عنوان"><script type="application/ld+json">{"@type":"NewsArticle","headline":"ع","datePublished":"2020-01-01"}</script></head><body><article><h1>عنوان</h1><p>فقرة أولى طويلة بما يكفي.</p><p>فقرة ثانية.</p></article><script>x()</script></body></html>'),
  utf8(JSON.stringify([{ title: 'أ', content: 'نص\nثان', date_extracted: '2015-08-07 16:09:35', source: 'سبق' }, { title: '', content: '' }])),
  utf8('{"title":"أ","text":"نص"}\n{"title":"ب","text":"نص","date":"07/08/2015"}\n'),
  utf8('\ufeffالعنوان,النص,التاريخ\n"قمة","فقرة، أولى\nفقرة ""ثانية""",26/07/2021\n'),
  utf8('<DOC>\n<DOCNO>JA-x-1-20170125</DOCNO>\n<SRC>Jawhara FM</SRC>\n<CAT>economy</CAT>\n<TITLE>عنوان</TITLE>\n<TIME>2017-01-20T214300</TIME>\n<TEXT>\nنص &amp; نص\n</TEXT>\n</DOC>\n'),
  encodeSingleByte('خبر بترميز ويندوز\n2015-08-09\n\nنص الخبر هنا.', 'windows-1256'),
  encodeUtf16('خبر بترميز يونيكود\n\nنص الخبر.', 'le', true),
]

/** Run a parser and check that it only fails with ParseError. (A hang shows as the test's timeout.) */
function parsesOrParseError(run: () => unknown): void {
  try {
    const r = run()
    expect(r).toBeTypeOf('object')
  } catch (e) {
    if (!(e instanceof ParseError)) throw e
    expect(e.message.length).toBeGreaterThan(0)
  }
}

function checkResult(name: string, bytes: Uint8Array): void {
  parsesOrParseError(() => {
    const r = parseFile(name, bytes)
    for (const a of r.articles) {
      expect(typeof a.title).toBe('string')
      expect(a.title.length + a.paragraphs.length).toBeGreaterThan(0)
      for (const p of a.paragraphs) expect(p).not.toMatch(/^\s|\s$|\n/)
    }
    return r
  })
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function mutate(input: Uint8Array, ops: Mutation[]): Uint8Array {
  let b = [...input]
  for (const op of ops) {
    const at = b.length ? op.at % (b.length + 1) : 0
    if (op.kind === 'flip' && at < b.length) b[at] = op.value
    else if (op.kind === 'delete') b.splice(at, op.length)
    else if (op.kind === 'insert') b.splice(at, 0, ...op.bytes)
    else if (op.kind === 'truncate') b = b.slice(0, at)
  }
  return Uint8Array.from(b)
}

describe('parsers never fail with anything but ParseError', () => {
  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 2000 }), (name, bytes) => checkResult(name, bytes)),
      { numRuns: 150 },
    )
  })

  it('on random text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.string({ unit: 'binary', maxLength: 500 }), (name, s) => checkResult(name, utf8(s))),
      { numRuns: 150 },
    )
  })

  it('on text built from the characters that matter to the parsers', () => {
    const piece = fc.constantFrom('<DOC>', '</DOC>', '<TEXT>', '<TITLE>', '<p>', '</p>', '<html>', '<meta charset="x">', '{', '}', '[', ']', '"', ',', ':', '\t', '\n', '\r\n', '\n\n', '---', '# ', '*', '_', '[a](b)', 'الكاتب: ', 'Date: ', '7 أغسطس 2015', '2015-08-07T10:00:00Z', '29/09/2016', 'نص', 'title', 'body', ' ')
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.array(piece, { maxLength: 80 }), (name, parts) => checkResult(name, utf8(parts.join('')))),
      { numRuns: 200 },
    )
  })

  it('on mutated valid files, for parsing and for the mapping preview', () => {
    fc.assert(
      fc.property(fc.nat({ max: FIXTURES.length - 1 }), fc.constantFrom(...NAMES), fc.array(mutation, { minLength: 1, maxLength: 6 }), (k, name, ops) => {
        const bytes = mutate(FIXTURES[k]!, ops)
        checkResult(name, bytes)
        parsesOrParseError(() => previewRecords(name, bytes, 3))
      }),
      { numRuns: 200 },
    )
  })

  it('every unmutated fixture parses to at least one article', () => {
    FIXTURES.forEach((bytes, k) => {
      const name = ['a.txt', 'a.md', 'a.html', 'a.json', 'a.jsonl', 'a.csv', 'a.txt', 'a.txt', 'a.txt'][k]!
      expect(parseFile(name, bytes).articles.length, name).toBeGreaterThan(0)
    })
  })
})
