// Shapes shared by the archive, the importers and the API. Plain data only.

/** How much of a date is actually known: "2011" is not "1 Jan 2011". */
export type DatePrecision = 'datetime' | 'day' | 'month' | 'year' | 'unknown'

/** An article as a parser produces it, before it has an id in the archive. */
export interface ParsedArticle {
  title: string
  /** True when the title was made from the body (e.g. its first sentence), not found in the source. */
  titleDerived?: boolean
  /** Paragraphs of plain text, in order. Never HTML. */
  paragraphs: string[]
  /** ISO 8601: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a full timestamp, matching `datePrecision`. */
  publishedAt?: string | null
  datePrecision?: DatePrecision
  source?: string | null
  author?: string | null
  url?: string | null
  /** BCP 47, `ar` by default. */
  language?: string
  tags?: string[]
}

export interface ArticleSummary {
  id: number
  title: string
  titleDerived: boolean
  date: string | null
  datePrecision: DatePrecision
  source: string | null
  author: string | null
}

export interface Article extends ArticleSummary {
  paragraphs: string[]
  url: string | null
  language: string
  contentHash: string
  batchId: number | null
  originalFile: string | null
  addedAt: string
  tags: string[]
}
