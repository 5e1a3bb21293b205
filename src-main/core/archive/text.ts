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
  const text = (joinParagraphs(a.paragraphs) || a.title).normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(text).digest('hex')
}
