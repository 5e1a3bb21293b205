// How article text is stored and fingerprinted.
import { createHash } from 'node:crypto'
import type { ParsedArticle } from '../model'

const PARAGRAPH_BREAK = /\n[ \t]*\n+/

/** Paragraphs are stored as one text, separated by one blank line (so the body stays greppable). */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .flatMap((p) => p.split(PARAGRAPH_BREAK))
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n')
}

export function splitParagraphs(body: string): string[] {
  return body ? body.split('\n\n') : []
}

// Marks that do not change what a text says: harakat, Quranic marks, tatweel, bidi controls.
const INVISIBLE = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/**
 * Fingerprint of what an article says: identical text (ignoring diacritics, tatweel and white
 * space) has the same hash, so an exact duplicate is recognised whatever its formatting.
 */
export function contentHash(a: Pick<ParsedArticle, 'title' | 'paragraphs'>): string {
  return contentHashOfText(joinParagraphs(a.paragraphs) || a.title)
}

/** contentHash of an article from its stored text: its body, or its title when it has none. */
export function contentHashOfText(text: string): string {
  const normalized = text.normalize('NFKC').replace(INVISIBLE, '').replace(SPACES_TO_COLLAPSE, ' ').trim()
  return createHash('sha256').update(normalized).digest('hex')
}

// Runs of white space become one space. A lone space is left alone (not replaced by itself), so
// that a text with single spaces between its words is not copied for nothing.
const SPACES_TO_COLLAPSE = /\s{2,}|[^\S ]/g

/** An article as the archive stores it: its paragraphs joined into the body, with its content hash. */
export type StoredArticle = Omit<ParsedArticle, 'paragraphs'> & { body: string; contentHash: string }

export function toStoredArticle(a: ParsedArticle): StoredArticle {
  const { paragraphs, ...rest } = a
  const body = joinParagraphs(paragraphs)
  return { ...rest, body, contentHash: contentHashOfText(body || a.title) }
}
