// The CPU-heavy half of importing one unit (a file, a zip entry), done before the archive is
// touched: parsing, and for each article its stored body, content hash and MinHash signature.
// Pure and thread-agnostic, so that the same code runs in the import thread (small imports) or
// in the reader thread that works ahead of it (./reader.ts), and both give the same archive.
import { createHash } from 'node:crypto'
import { toStoredArticle, type StoredArticle } from '../archive/text'
import type { ParsedArticle } from '../model'
import { parseFile, type FieldMap } from './formats'
import { signatureText } from './near-duplicates'
import { signatureOf } from './near-duplicates-signature'

export interface PreparedArticle {
  /** As the archive stores it: body joined, content hash made (and no paragraphs to copy between threads). */
  article: StoredArticle
  /** MinHash signature of the text (null when too short to compare). */
  signature: Uint32Array | null
}

export type PreparedUnit =
  /** `sha256`: of the unit's bytes, the address of its original (hashed here, off the import thread). */
  | { ok: true; format: string; problems: string[]; articles: PreparedArticle[]; sha256: string }
  /** The unit as a whole could not be parsed: the reason, in words. */
  | { ok: false; problem: string }

function prepareArticle(article: ParsedArticle): PreparedArticle {
  return { article: toStoredArticle(article), signature: signatureOf(signatureText(article)) }
}

/** Parses one unit's bytes (`name` gives the format by its extension) and prepares its articles. */
export function prepareUnit(name: string, bytes: Uint8Array, fieldMap?: FieldMap): PreparedUnit {
  try {
    const parsed = parseFile(name, bytes, { fieldMap })
    return {
      ok: true,
      format: parsed.format,
      problems: parsed.problems.map((p) => (p.record !== undefined ? `Record ${p.record}: ${p.reason}` : p.reason)),
      articles: parsed.articles.map(prepareArticle),
      sha256: parsed.articles.length ? createHash('sha256').update(bytes).digest('hex') : '',
    }
  } catch (e) {
    return { ok: false, problem: e instanceof Error ? e.message : String(e) }
  }
}
