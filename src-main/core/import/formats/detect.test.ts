import { describe, expect, it } from 'vitest'
import { detectFormat } from './detect'
import { parseFile, ParseError } from './index'
import { utf8 } from './test-helpers'

const TREC = '<DOC>\n<DOCNO>JA-x-1-20170101</DOCNO>\n<TITLE>عنوان</TITLE>\n<TEXT>نص</TEXT>\n</DOC>'
const HTML = '<!DOCTYPE html><html><head><title>عنوان</title></head><body><p>نص</p></body></html>'

describe('detectFormat', () => {
  it('goes by extension for ordinary files', () => {
    expect(detectFormat('a.txt', 'عنوان\n\nنص')).toBe('text')
    expect(detectFormat('a.TXT', 'عنوان')).toBe('text')
    expect(detectFormat('a.md', '# عنوان')).toBe('markdown')
    expect(detectFormat('a.htm', HTML)).toBe('html')
    expect(detectFormat('a.csv', 'title,body\nأ,ب')).toBe('csv')
    expect(detectFormat('a.tsv', 'title\tbody')).toBe('tsv')
    expect(detectFormat('a.jsonl', '{"a":1}\n{"a":2}')).toBe('jsonl')
    expect(detectFormat('README', 'نص بلا امتداد')).toBe('text')
  })

  it('reads content before the extension: a .txt may be TREC, JSON or HTML', () => {
    expect(detectFormat('JA-culture-1.txt', TREC)).toBe('trec')
    expect(detectFormat('page.txt', HTML)).toBe('html')
    expect(detectFormat('page.txt', '<!-- saved from url=(0014)about:internet -->\n<html><body>x</body></html>')).toBe('html')
    expect(detectFormat('data.txt', '[{"title":"أ"}]')).toBe('json')
    expect(detectFormat('data.txt', '{"title":"أ"}\n{"title":"ب"}\n')).toBe('jsonl')
    expect(detectFormat('data.json', '{"title":"أ"}\n{"title":"ب"}\n')).toBe('jsonl')
    expect(detectFormat('data.jsonl', '[{"title":"أ"}]')).toBe('json')
    expect(detectFormat('x.xml', TREC)).toBe('trec')
  })

  it('does not mistake text starting with a bracket for JSON', () => {
    expect(detectFormat('a.txt', '[صور] افتتاح المعرض\n\nنص الخبر')).toBe('text')
  })

  it('returns null for kinds of file it does not read', () => {
    expect(detectFormat('a.xml', '<rss><channel/></rss>')).toBeNull()
    expect(detectFormat('a.js', 'console.log(1)')).toBeNull()
  })
})

describe('parseFile errors', () => {
  it('throws ParseError with a readable reason for binary and unsupported files', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x21, 0, 0, 0, 0, 0])
    expect(() => parseFile('news.txt', zip)).toThrow(ParseError)
    expect(() => parseFile('news.txt', zip)).toThrow('This file looks like a binary file (not text), so it cannot be imported.')
    expect(() => parseFile('a.pdf', utf8('%PDF-1.4 some text'))).toThrow(/not supported/)
    expect(() => parseFile('a.txt', new Uint8Array())).toThrow(/empty/)
  })
})
