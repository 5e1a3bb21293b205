// The shapes of a timeline: dated events, each citing the articles that report it. Plain data only,
// shared by the engine, the API contract and the renderer (type imports only).
import type { Part } from './types'

export type { Part }

/**
 * How precise an event's date is (the seed *.timeline.json terms, and the timeline_events table):
 *   'day'   — date is YYYY-MM-DD (a week-precise mention such as الأسبوع الماضي is a day here)
 *   'month' — date is YYYY-MM; with `part` a part of that month (نهاية شهر كانون الأول)
 *   'part'  — date is YYYY and `part` says which part of the year (مطلع العام 2022)
 *   'year'  — date is YYYY ("2011" is not "1 Jan 2011")
 */
export type EventPrecision = 'day' | 'month' | 'year' | 'part'

/** Where an event is reported: one article and the character range of the date mention in it. */
export interface EventSource {
  articleId: number
  title: string
  /** the outlet, when known */
  source: string | null
  /** the article's publication date (ISO, as precise as known), when known */
  date: string | null
  /**
   * Character offsets of the date mention in the article's body, where the body is the article's
   * paragraphs joined by "\n\n" (as `articles.body` stores it; Article.paragraphs.join('\n\n')).
   */
  start: number
  end: number
  /** the sentence (or clause) around the mention, untrimmed, as the article has it */
  sentence: string
}

export interface TimelineEvent {
  /**
   * Stable identity within a timeline: built events get one from their date, precision and label;
   * events a person adds get any unique string (e.g. "manual-<random>").
   */
  key: string
  /** Gregorian ISO 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD'; '' when `unresolved` */
  date: string
  precision: EventPrecision
  part?: Part
  /** the Hijri (Umm al-Qura) twin, ISO-like 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD', when written or implied */
  hijri?: string
  /** what happened: the sentence or clause around the date, trimmed of attributions and date words */
  label: string
  /** hidden from the timeline and its exports, but kept */
  hidden: boolean
  /** added or edited by hand: a rebuild never changes it */
  manual: boolean
  /** the articles that report it, oldest publication first; empty for a hand-made event without sources */
  sources: EventSource[]
  /**
   * A relative expression (أمس، الخميس الماضي، 26 تموز without a year) in an article with no
   * publication date: it could not be placed, `date` is '' and `mention` says what was written.
   */
  unresolved?: boolean
  /** for unresolved events: the date words as written (e.g. "الخميس الماضي") */
  mention?: string
}

/** What a timeline was built from. At least one of them; when several, articles matching all. */
export interface TimelineScope {
  /** a search query (the query language of the README) */
  query?: string
  /** a collection id */
  collection?: number
  /** hand-picked article ids */
  ids?: number[]
}

export interface Timeline {
  /** set once saved */
  id?: number
  name: string
  scope: TimelineScope
  /** chronological (see compareEvents); unresolved events last */
  events: TimelineEvent[]
  /** the first and last date of the visible dated events; '' and '' when there is none */
  range: { from: string; to: string }
  /** set on a freshly built draft: how many articles were read and date mentions found */
  stats?: { articles: number; mentions: number; events: number; unresolved: number }
  updatedAt?: string
}

/** One line of `timeline.list`. */
export interface TimelineSummary {
  id: number
  name: string
  scope: TimelineScope
  events: number
  range: { from: string; to: string }
  updatedAt: string
}

/** One line of `collections.list`. */
export interface CollectionSummary {
  id: number
  name: string
  description: string
  articles: number
  createdAt: string
}

export type TimelineExportFormat = 'pdf' | 'html' | 'csv' | 'json'
