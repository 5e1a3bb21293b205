import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusPath, hasCorpus } from '../../../../test-support/corpus'
import { arabicScore, decodeText } from './encoding'
import { parseFile, ParseError } from './index'
import { encodeSingleByte, encodeUtf16, squash, utf8 } from './test-helpers'

const ARABIC = 'أعلنت وزارة الصحة اليوم عن خطة جديدة لمكافحة الأمراض، وقال المتحدث الرسمي إن التنفيذ يبدأ غداً.\nوأضاف: «سنعمل مع الجميع».'

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeText(utf8(ARABIC))).toEqual({ text: ARABIC, encoding: 'utf-8' })
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(ARABIC)]))).toEqual({ text: ARABIC, encoding: 'utf-8' })
  })

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(decodeText(encodeUtf16(ARABIC, 'le', true))).toEqual({ text: ARABIC, encoding: 'utf-16le' })
    expect(decodeText(encodeUtf16(ARABIC, 'be', true))).toEqual({ text: ARABIC, encoding: 'utf-16be' })
  })

  it('recognises BOM-less UTF-16 by where the NUL bytes fall', () => {
    expect(decodeText(encodeUtf16(ARABIC, 'le', false))).toEqual({ text: ARABIC, encoding: 'utf-16le' })
    expect(decodeText(encodeUtf16(ARABIC, 'be', false))).toEqual({ text: ARABIC, encoding: 'utf-16be' })
    expect(decodeText(encodeUtf16('Plain English text, no Arabic.', 'le', false)).text).toBe('Plain English text, no Arabic.')
  })

  it('tells Windows-1256 from ISO-8859-6', () => {
    expect(decodeText(encodeSingleByte(ARABIC, 'windows-1256'))).toEqual({ text: ARABIC, encoding: 'windows-1256' })
    // ISO-8859-6 has no «» nor alef with hamza below in every position: use text it can encode.
    const iso = 'اعلنت وزارة الصحة اليوم عن خطة جديدة لمكافحة الامراض، وقال المتحدث الرسمي ان التنفيذ يبدا غدا.'
    expect(decodeText(encodeSingleByte(iso, 'iso-8859-6'))).toEqual({ text: iso, encoding: 'iso-8859-6' })
    expect(decodeText(encodeSingleByte(iso, 'windows-1256'))).toEqual({ text: iso, encoding: 'windows-1256' })
  })

  it('falls back to Windows-1252 for legacy text that is not Arabic', () => {
    const fr = 'Le ministère a annoncé une réunion à Tunis, précédée d\'un débat.'
    expect(decodeText(encodeSingleByte(fr, 'windows-1252'))).toEqual({ text: fr, encoding: 'windows-1252' })
    // 0x80–0x9F are the Windows-1252 letters and quotes, not C1 controls.
    expect(decodeText(Uint8Array.from([...encodeSingleByte('C', 'windows-1252'), 0x92, 0x65, 0x73, 0x74, 0x20, 0x80, 0x20, 0xe9, 0x74, 0xe9])).text).toBe('C’est € été')
  })

  it('honours <meta charset> in a web page', () => {
    const page = '<html><head><meta charset="windows-1256"><title>خبر</title></head><body><p>نص الخبر هنا</p></body></html>'
    expect(decodeText(encodeSingleByte(page, 'windows-1256'))).toEqual({ text: page, encoding: 'windows-1256' })
    const old = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-6"></head><body>نص</body></html>'
    expect(decodeText(encodeSingleByte(old, 'iso-8859-6')).encoding).toBe('iso-8859-6')
  })

  it('prefers valid UTF-8 over a legacy charset declaration left behind by a re-saved page', () => {
    const page = '<html><head><meta charset="windows-1256"></head><body><p>نص الخبر</p></body></html>'
    expect(decodeText(utf8(page))).toEqual({ text: page, encoding: 'utf-8' })
  })

  it('refuses binary files', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 0, 0, 7])
    expect(() => decodeText(png)).toThrow(ParseError)
    expect(() => decodeText(png)).toThrow(/binary file/)
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))
    expect(() => decodeText(controls)).toThrow(/binary file/)
  })

  it('refuses text that does not decode in its declared encoding', () => {
    const garbage = Uint8Array.from([0xef, 0xbb, 0xbf, ...Array.from({ length: 300 }, (_, i) => (i % 2 ? 0xc3 : 0xff))])
    expect(() => decodeText(garbage)).toThrow(ParseError)
    expect(() => decodeText(garbage)).toThrow(/could not be decoded as text \(tried utf-8\)/)
  })

  it('scores Arabic text above mojibake', () => {
    const bytes = encodeSingleByte(ARABIC, 'windows-1256')
    expect(arabicScore(new TextDecoder('windows-1256').decode(bytes))).toBeGreaterThan(0.9)
    expect(arabicScore(new TextDecoder('windows-1252').decode(bytes))).toBeLessThan(0.2)
  })
})

interface ManifestEntry {
  file: string
  encoding: string
  title: string
  source: string
}

describe.skipIf(!hasCorpus)('corpus: encodings', () => {
  const manifest: ManifestEntry[] = hasCorpus ? JSON.parse(readFileSync(corpusPath('encodings/articles/manifest.json'), 'utf8')) : []
  const expectedEncoding: Record<string, RegExp> = { cp1256: /^windows-1256$/, 'utf-16': /^utf-16(le|be)$/, 'utf-8-sig': /^utf-8$/, 'utf-8': /^utf-8$/ }

  it('has the 35 articles of the manifest', () => {
    expect(manifest).toHaveLength(35)
  })

  it.each(manifest.map((m) => [m.file, m] as const))('%s decodes and parses with its true title', (_, m) => {
    const r = parseFile(m.file, readFileSync(corpusPath('encodings/articles', m.file)))
    expect(r.encoding).toMatch(expectedEncoding[m.encoding]!)
    expect(r.format).toBe('text')
    expect(r.articles).toHaveLength(1)
    const a = r.articles[0]!
    expect(a.title).toBe(squash(m.title))
    expect(a.titleDerived).toBeUndefined()
    expect(a.publishedAt).toBe('2015-08-09')
    expect(a.datePrecision).toBe('day')
    expect(a.paragraphs.length).toBeGreaterThan(0)
    expect(a.paragraphs.join(' ')).not.toContain('الكاتب:')
    expect(arabicScore(a.paragraphs.join(' '))).toBeGreaterThan(0.9)
  })

  it.each([
    ['chardet-windows-1256-no-charset.html', 'windows-1256'],
    ['chardet-iso-8859-6-no-charset.html', 'iso-8859-6'],
    ['charset-normalizer-sample-cp1256.txt', 'windows-1256'],
    ['charset-normalizer-sample-utf8.txt', 'utf-8'],
  ])('%s decodes to Arabic (%s)', (file, encoding) => {
    const bytes = readFileSync(corpusPath('encodings', file))
    const { text, encoding: found } = decodeText(bytes)
    expect(found).toBe(encoding)
    expect(arabicScore(text)).toBeGreaterThan(0.95)
    const r = parseFile(file, bytes)
    expect(r.articles).toHaveLength(1)
    expect(r.articles[0]!.paragraphs.join(' ')).toMatch(/كتائب الشهيد عز الدين القسام|المنطقة المغاربية/)
  })

  it('decodes the two cp1256 and UTF-8 charset-normalizer samples to the same text', () => {
    const a = decodeText(readFileSync(corpusPath('encodings/charset-normalizer-sample-cp1256.txt'))).text
    const b = decodeText(readFileSync(corpusPath('encodings/charset-normalizer-sample-utf8.txt'))).text
    expect(squash(a)).toBe(squash(b))
  })
})
