// Fuzzing beyond the parsers (formats/fuzz.test.ts): random and mutated files of every format, and
// ZIP archives of them, go through the real importer into a real archive, and random and mutated
// queries go through the query parser and a real index. Each property runs a bounded number of
// cases within a time budget. What must hold: no crash, no hang, and NO PARTIAL WRITE — every
// article in the archive is exactly one article its file parses to (whole, never cut), the batch's
// counts are what the archive holds, and SQLite's integrity check passes.
import fc from 'fast-check'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { basename, extname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Archive } from '../archive/archive'
import { joinParagraphs } from '../archive/text'
import { readSampleArticles } from '../sample'
import { formatQuery, parseQuery, queryWords } from '../search/query'
import { Searcher } from '../search/searcher'
import { tempDir } from '../../../test-support/tmp'
import { makeZip } from '../../../test-support/zip'
import { parseFile } from './formats'
import { importPaths } from './importer'

const root = tempDir('arshif-fuzz-import-')
/** Time budget per property: fast-check stops starting new cases after it (not an assertion). */
const BUDGET = { interruptAfterTimeLimit: 25_000, markInterruptAsFailure: false }

const enc = (s: string) => Buffer.from(s, 'utf8')

/** One valid file of every format the importer reads. */
const SEEDS: { name: string; bytes: Buffer }[] = [
  { name: 'خبر.txt', bytes: enc('افتتاح المعرض\n7 أغسطس 2015\n\nافتتح الوزير المعرض اليوم.\nويستمر أسبوعاً.\n') },
  { name: 'مقال.md', bytes: enc('---\ntitle: "عنوان"\ndate: 2017-01-25\n---\n# رأس\n\n**نص** و[رابط](http://x)\n\n- بند\n') },
  { name: 'صفحة.html', bytes: enc('<html lang="ar"><head><title>عنوان الصفحة</title></head><body><article><h1>عنوان الصفحة</h1><p>فقرة أولى طويلة بما يكفي للقراءة.</p><p>فقرة ثانية.</p></article></body></html>') },
  { name: 'دفعة.json', bytes: enc(JSON.stringify([{ title: 'أ', content: 'نص\nثان', date: '2015-08-07' }, { title: 'ب', content: 'نص آخر' }])) },
  { name: 'سجلات.jsonl', bytes: enc('{"title":"أ","text":"نص أول"}\n{"title":"ب","text":"نص ثان","date":"07/08/2015"}\n') },
  { name: 'جدول.csv', bytes: enc('\ufeffالعنوان,النص,التاريخ\n"قمة","فقرة، أولى\nفقرة ""ثانية""",26/07/2021\nخبر,نص قصير,2020\n') },
  { name: 'جدول.tsv', bytes: enc('title\tbody\tdate\nعنوان أول\tنص أول\t2019-01-01\nعنوان ثان\tنص ثان\t2019-01-02\n') },
  { name: 'مجموعة.trec', bytes: enc('<DOC>\n<DOCNO>X-1</DOCNO>\n<TITLE>عنوان</TITLE>\n<TEXT>\nنص &amp; نص\n</TEXT>\n</DOC>\n<DOC>\n<DOCNO>X-2</DOCNO>\n<TEXT>\nنص ثان\n</TEXT>\n</DOC>\n') },
]
const NAMES = [...SEEDS.map((s) => extname(s.name)), '', '.bin', '.zip']

// ── mutations ───────────────────────────────────────────────────────────────────────────────────
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), times: fc.integer({ min: 2, max: 50 }) }),
)
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never

function mutate(input: Buffer, ops: Mutation[]): Buffer {
  let b = [...input]
  for (const op of ops) {
    const at = b.length ? op.at % (b.length + 1) : 0
    if (op.kind === 'flip' && at < b.length) b[at] = op.value
    else if (op.kind === 'delete') b.splice(at, op.length)
    else if (op.kind === 'insert') b.splice(at, 0, ...op.bytes)
    else if (op.kind === 'truncate') b = b.slice(0, at)
    else if (op.kind === 'repeat') {
      const piece = b.slice(at, at + op.length)
      b.splice(at, 0, ...Array.from({ length: op.times - 1 }, () => piece).flat())
    }
  }
  return Buffer.from(b)
}

/** A file to import: a mutated seed, random bytes, or a ZIP of such files (itself maybe mutated). */
const fileSpec = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('mutated' as const), seed: fc.nat({ max: SEEDS.length - 1 }), name: fc.constantFrom(...NAMES), ops: fc.array(mutation, { maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('random' as const), name: fc.constantFrom(...NAMES), bytes: fc.uint8Array({ maxLength: 1500 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('zip' as const),
      entries: fc.array(fc.record({ seed: fc.nat({ max: SEEDS.length - 1 }), ops: fc.array(mutation, { maxLength: 3 }), stored: fc.boolean(), dir: fc.constantFrom('', 'مجلد/', '../', '/abs/', 'a/b/') }), { minLength: 1, maxLength: 4 }),
      zipOps: fc.array(mutation, { maxLength: 2 }),
    }),
  },
)
type FileSpec = typeof fileSpec extends fc.Arbitrary<infer T> ? T : never

/** Writes the files of one case; returns every unit's bytes (files, and zip entries) with a name. */
function writeCase(dir: string, specs: FileSpec[]): { name: string; bytes: Buffer }[] {
  mkdirSync(dir, { recursive: true })
  const units: { name: string; bytes: Buffer }[] = []
  specs.forEach((spec, i) => {
    if (spec.kind === 'zip') {
      const entries = spec.entries.map((e, j) => {
        const seed = SEEDS[e.seed]!
        return { name: `${e.dir}${j}-${seed.name}`, data: mutate(seed.bytes, e.ops), stored: e.stored }
      })
      for (const e of entries) units.push({ name: e.name, bytes: e.data })
      writeFileSync(join(dir, `${i}.zip`), mutate(makeZip(entries), spec.zipOps))
    } else {
      const bytes = spec.kind === 'mutated' ? mutate(SEEDS[spec.seed]!.bytes, spec.ops) : Buffer.from(spec.bytes)
      const name = `${i}${spec.name}`
      units.push({ name, bytes })
      writeFileSync(join(dir, name), bytes)
    }
  })
  return units
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const wholeText = (a: { title: string; body: string }) => `${a.title.trim()}\u0000${a.body}`

let caseNo = 0
let articlesChecked = 0

describe('fuzzed files through the importer into an archive', () => {
  it('never crash, and leave only whole articles: each exactly as its file parses', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileSpec, { minLength: 1, maxLength: 4 }), async (specs) => {
        const dir = join(root, `case-${++caseNo}`)
        const units = writeCase(join(dir, 'in'), specs)
        const archive = Archive.open(join(dir, 'archive'))
        try {
          const report = await importPaths(archive, [join(dir, 'in')], { origin: 'fuzz' })

          // The batch's counts are what the archive holds.
          const stored = archive.db.prepare('SELECT title, body, original_file FROM articles WHERE batch_id = ?').all(report.batchId) as { title: string; body: string; original_file: string }[]
          expect(report.counts.added).toBe(stored.length)
          expect(report.files.reduce((n, f) => n + f.added, 0)).toBe(stored.length)
          for (const f of report.files) if (f.status === 'failed') expect(f.added).toBe(0)
          expect(archive.articleCount()).toBe(stored.length)

          // Every article is whole: exactly one of the articles its original's bytes parse to.
          // An original is named by its bytes' hash and its file's extension: the same bytes named .txt
          // and .md parse differently, and a damaged zip can hand the importer another entry name
          // than the one written, so the article is looked for in every way those bytes parse.
          const byHash = new Map<string, { name: string; bytes: Buffer }[]>()
          for (const u of units) byHash.set(sha(u.bytes), [...(byHash.get(sha(u.bytes)) ?? []), u])
          const expected = new Map<string, Set<string>>()
          for (const row of stored) {
            const original = basename(row.original_file)
            if (!expected.has(original)) {
              const same = byHash.get(original.replace(/\..*$/, ''))
              expect(same, `an article came from bytes no file had: ${row.original_file}`).toBeDefined()
              const names = [...same!.map((u) => basename(u.name)), `original${extname(original)}`]
              const parsed = names.flatMap((name) => {
                try {
                  return parseFile(name, same![0]!.bytes).articles
                } catch {
                  return [] // not readable under this name
                }
              })
              expected.set(original, new Set(parsed.map((a) => wholeText({ title: a.title, body: joinParagraphs(a.paragraphs) }))))
            }
            expect(expected.get(original)!.has(wholeText(row)), `a stored article is not one its file parses to (${row.title.slice(0, 40)})`).toBe(true)
            articlesChecked++
          }
          expect(archive.db.pragma('integrity_check', { simple: true })).toBe('ok')
          expect(archive.db.pragma('foreign_key_check')).toEqual([])
          // No half-written original left behind.
          const originals = join(dir, 'archive', 'originals')
          const leftovers = existsSync(originals) ? readdirSync(originals, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp')) : []
          expect(leftovers).toEqual([])
        } finally {
          archive.close()
        }
      }),
      { numRuns: 60, ...BUDGET },
    )
    expect(articlesChecked).toBeGreaterThan(0) // the cases did reach the archive
  })
})

describe('fuzzed queries', () => {
  let archive: Archive
  let searcher: Searcher
  beforeAll(async () => {
    archive = Archive.open(join(root, 'query-archive'))
    archive.addArticles(readSampleArticles(join(import.meta.dirname, '../../../resources')), null)
    searcher = new Searcher(archive)
    await searcher.open()
  })
  afterAll(() => archive.close())

  const piece = fc.constantFrom('"', '«', '»', '-', '-"', 'OR', 'or', '|', '||', '*', '~', '~2', '~9', 'title:', 'source:', 'author:', 'عنوان:', 'مصدر:', 'كاتب:', ':', '(', ')', ' ', '  ', '\t', '\n', 'سيول', 'السنابل', 'الوزيرُ', 'مفاوض', 'ال', 'و', '١٩٨٠', 'a', 'Z', '\u202e', '\u200f', '\u0640', '\u064b', '\ufeff', '\u0000', '😀', 'ﷲ')
  const query = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(piece, { maxLength: 60 }).map((p) => p.join('')),
    fc.tuple(fc.constantFrom('سيول السنابل', '"الخط الثالث"', 'سيول -السودان', 'سيول OR فيضانات', 'مفاوض*', 'الاتفاقيه~2', 'title:المترو', 'source:"الرصد اليومي"'), fc.array(mutation, { maxLength: 4 })).map(([q, ops]) => mutate(enc(q), ops).toString('utf8')),
  )

  it('parse, format and search without throwing, and answer within the page asked for', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(query, fc.boolean(), fc.boolean(), (q, diacritics, hamza) => {
        const parsed = parseQuery(q)
        expect(Array.isArray(parsed.clauses)).toBe(true)
        for (const c of parsed.clauses) expect(c.atoms.length).toBeGreaterThan(0)
        expect(typeof formatQuery(parsed)).toBe('string')
        for (const w of queryWords(q)) expect(typeof w).toBe('string')
        const page = searcher.query({ q, limit: 10, strict: { diacritics, hamza } })
        expect(page.hits.length).toBeLessThanOrEqual(10)
        expect(page.total).toBeGreaterThanOrEqual(page.hits.length)
        for (const h of page.hits) expect(archive.getArticle(h.id)).not.toBeNull()
      }),
      { numRuns: 400, ...BUDGET },
    )
  })

  it('a query repeated to the length limit still ends', () => {
    for (const q of ['"'.repeat(5000), '-'.repeat(5000), 'OR '.repeat(2000), 'a* '.repeat(2000), '(((('.repeat(1000), 'سيول~2 '.repeat(500)]) {
      const page = searcher.query({ q, limit: 5 })
      expect(page.hits.length).toBeLessThanOrEqual(5)
    }
  })
})
