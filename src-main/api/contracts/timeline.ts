// The timeline operations of the contract (see ../contract.ts). Renderer-safe: zod and types only.
//
// A timeline is built from a query, a collection or hand-picked articles as a job (`timeline.build`,
// progress and cancel through `jobs.get` / `jobs.cancel`) whose result is a draft Timeline; the person
// hides, edits or adds events, then saves it by name (`timeline.save`). `timeline.export` renders a
// saved timeline (by id) or a draft (passed whole) as PDF, HTML, CSV or JSON, as a job whose result is
// an ExportedFile. Collections (named sets of articles) can be listed and made here too.
import { z } from 'zod'
import { op, id, none, isoDate } from '../op'
import type { JobInfo } from '../../core/jobs'
import type { ExportedFile } from '../contract'
import type { Timeline, TimelineSummary, CollectionSummary } from '../../core/timeline/events-types'

export type {
  Timeline,
  TimelineEvent,
  TimelineScope,
  TimelineSummary,
  EventSource,
  EventPrecision,
  CollectionSummary,
  TimelineExportFormat,
  Part,
} from '../../core/timeline/events-types'

const text = (max: number) => z.string().max(max)

export const timelineScopeSchema = z
  .object({
    query: z.string().min(1).max(1000).optional(),
    collection: id.optional(),
    ids: z.array(id).min(1).max(5000).optional(),
  })
  .strict()

export const eventSourceSchema = z
  .object({
    articleId: id,
    title: text(2000).default(''),
    source: text(500).nullable().default(null),
    date: text(40).nullable().default(null),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    sentence: text(20_000).default(''),
  })
  .strict()

export const timelineEventSchema = z
  .object({
    key: z.string().min(1).max(200),
    date: isoDate.or(z.literal('')),
    precision: z.enum(['day', 'month', 'year', 'part']),
    part: z.enum(['early', 'mid', 'late', 'q1', 'q2', 'q3', 'q4']).optional(),
    hijri: isoDate.optional(),
    label: text(5000),
    hidden: z.boolean().default(false),
    manual: z.boolean().default(false),
    sources: z.array(eventSourceSchema).max(5000).default([]),
    unresolved: z.boolean().optional(),
    mention: text(500).optional(),
  })
  .strict()

const rangeSchema = z.object({ from: isoDate.or(z.literal('')), to: isoDate.or(z.literal('')) }).strict()

export const timelineSchema = z
  .object({
    id: id.optional(),
    name: z.string().min(1).max(300),
    scope: timelineScopeSchema.default({}),
    events: z.array(timelineEventSchema).max(20_000),
    range: rangeSchema.optional(),
    stats: z.object({ articles: z.number(), mentions: z.number(), events: z.number(), unresolved: z.number() }).strict().optional(),
    updatedAt: z.string().max(40).optional(),
  })
  .strict()

export const timelineContract = {
  /**
   * Reads the articles of a scope (a query's best `limit` hits, a collection, or ids; when several,
   * the articles in all of them), finds their dates and merges the same event reported by several
   * articles. A job; its result is a draft Timeline (no id) named `title` (or after the scope).
   */
  'timeline.build': op<JobInfo<Timeline>>()(
    z
      .object({
        query: z.string().min(1).max(1000).optional(),
        collection: id.optional(),
        ids: z.array(id).min(1).max(5000).optional(),
        title: z.string().min(1).max(300).optional(),
        /** at most this many articles from a query (best first) */
        limit: z.number().int().min(1).max(5000).default(500),
      })
      .strict()
      .refine((v) => v.query !== undefined || v.collection !== undefined || v.ids !== undefined, {
        message: 'Give a query, a collection or ids.',
      }),
  ),

  /**
   * Saves a timeline with its events (hidden and hand-made ones included). With an id it replaces
   * that timeline; without one it makes a new timeline, refused when the name is taken unless
   * `overwrite`. Answers with the timeline as now saved (with its id).
   */
  'timeline.save': op<Timeline>()(
    z
      .object({
        id: id.optional(),
        name: z.string().trim().min(1).max(300),
        scope: timelineScopeSchema.default({}),
        events: z.array(timelineEventSchema).max(20_000),
        overwrite: z.boolean().default(false),
      })
      .strict(),
  ),

  /** The saved timelines, most recently changed first. */
  'timeline.list': op<TimelineSummary[]>()(none),

  /** One saved timeline with its events. */
  'timeline.get': op<Timeline>()(z.object({ id }).strict()),

  'timeline.delete': op<{ deleted: true }>()(z.object({ id }).strict()),

  /**
   * Renders a saved timeline (`id`) or a draft (`timeline`) without its hidden events: PDF (A4, RTL,
   * the Arabic font embedded, numbered sources, page numbers), the same document as HTML, CSV (UTF-8
   * with BOM) or JSON. `hijri` adds the Hijri twin beside each date; `locale` picks the language of
   * the document's own words (Arabic by default). A job whose result is an ExportedFile.
   */
  'timeline.export': op<JobInfo<ExportedFile>>()(
    z
      .object({
        id: id.optional(),
        timeline: timelineSchema.optional(),
        format: z.enum(['pdf', 'html', 'csv', 'json']),
        hijri: z.boolean().default(false),
        locale: z.enum(['ar', 'en']).default('ar'),
      })
      .strict()
      .refine((v) => (v.id === undefined) !== (v.timeline === undefined), { message: 'Give either an id or a timeline (one of them).' }),
  ),

  /** The collections (named sets of articles), by name. */
  'collections.list': op<CollectionSummary[]>()(none),

  /** Makes a collection of the given articles (in that order); refused when the name is taken. */
  'collections.create': op<CollectionSummary>()(
    z
      .object({
        name: z.string().trim().min(1).max(300),
        description: z.string().max(2000).default(''),
        ids: z.array(id).max(5000).default([]),
      })
      .strict(),
  ),

  /** Adds articles to a collection (those already in it stay where they are). */
  'collections.add': op<CollectionSummary>()(z.object({ id, ids: z.array(id).min(1).max(5000) }).strict()),

  'collections.delete': op<{ deleted: true }>()(z.object({ id }).strict()),
} as const
