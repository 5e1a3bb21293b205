// The one API contract between the renderer and the archive engine. Every operation the UI may
// call is listed here with the schema of its arguments (checked at runtime at both entry points,
// Electron IPC and the local HTTP server) and the type of its result. Later features add entries.
import { z } from 'zod'
import type { ArticleSummary, Article } from '../core/model'
import type { ErrorCode } from '../core/errors'
import type { SearchPage } from '../core/search/searcher'
import type { SearchStatus } from '../core/search/protocol'
import { op, none, id, isoDate } from './op'
import { importContract } from './contracts/import'
import { compareContract } from './contracts/compare'
import { timelineContract } from './contracts/timeline'
import { desktopContract } from './contracts/desktop'
import { duplicatesContract } from './contracts/duplicates'
import { backupContract } from './contracts/backup'
import type { JobInfo } from '../core/jobs'

export const LOCALES = ['ar', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export interface AppInfo {
  name: string
  version: string
  archiveDir: string
  articleCount: number
  schemaVersion: number
  /** 'electron' in the desktop window, 'serve' in a browser. */
  host: 'electron' | 'serve'
  /** Present when the archive is damaged: the app runs in recovery mode and offers its backups. */
  recovery?: { reason: string; backupsDir: string }
}

/** A document the engine made for the user to save (an export): the renderer offers it as a download. */
export interface ExportedFile {
  fileName: string
  mime: string
  base64: string
}

export interface Settings {
  locale: Locale
}


export const contract = {
  /** What is open and how big it is: shown in the status bar. */
  'app.info': op<AppInfo>()(none),

  /** One page of the archive list. */
  'articles.list': op<{ items: ArticleSummary[]; total: number }>()(
    z
      .object({
        limit: z.number().int().min(1).max(500).default(50),
        offset: z.number().int().min(0).default(0),
        sort: z.enum(['date_desc', 'date_asc', 'added_desc', 'title']).default('date_desc'),
        source: z.string().min(1).max(200).optional(),
      })
      .strict(),
  ),

  /** One article to read, with its paragraphs. */
  'articles.get': op<Article>()(z.object({ id }).strict()),

  /** Outlets in the archive with their article counts. */
  'sources.list': op<{ name: string; articles: number }[]>()(none),

  /** Runs a query (see the query language in the README) and returns one page of hits with facets. */
  'search.query': op<SearchPage>()(
    z
      .object({
        q: z.string().max(1000),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(200).default(20),
        sort: z.enum(['relevance', 'date_desc', 'date_asc']).default('relevance'),
        filters: z
          .object({
            from: isoDate.optional(),
            to: isoDate.optional(),
            sources: z.array(z.string().max(200)).max(100).optional(),
            authors: z.array(z.string().max(200)).max(100).optional(),
            years: z.array(z.number().int().min(1000).max(3000)).max(100).optional(),
            tags: z.array(z.string().max(200)).max(100).optional(),
            collections: z.array(z.number().int().positive()).max(100).optional(),
          })
          .strict()
          .default({}),
        strict: z.object({ diacritics: z.boolean().default(false), hamza: z.boolean().default(false) }).strict().default({ diacritics: false, hamza: false }),
      })
      .strict(),
  ),

  /** Completions for what is being typed in the search box. */
  'search.suggest': op<string[]>()(z.object({ prefix: z.string().min(1).max(100), limit: z.number().int().min(1).max(20).default(8) }).strict()),

  /** Where a query matches inside one article (title and each paragraph), for highlighting while reading. */
  'search.highlight': op<{ title: [number, number][]; paragraphs: [number, number][][] }>()(z.object({ id, q: z.string().max(1000) }).strict()),

  /** Whether the index is ready, or how far its loading or building has got. */
  'search.status': op<SearchStatus>()(none),

  'settings.get': op<Settings>()(none),
  'settings.set': op<Settings>()(z.object({ locale: z.enum(LOCALES).optional() }).strict()),

  /** Long work (an import, an export, a backup) runs as a job: its progress, then its result or error. */
  'jobs.get': op<JobInfo>()(z.object({ id: z.string().min(1).max(64) }).strict()),
  /** Asks a running job to stop; it ends as 'cancelled' once it has reached a safe point. */
  'jobs.cancel': op<JobInfo>()(z.object({ id: z.string().min(1).max(64) }).strict()),

  // Each feature declares its operations in its own file.
  ...importContract,
  ...compareContract,
  ...timelineContract,
  ...desktopContract,
  ...duplicatesContract,
  ...backupContract,
} as const

export type Contract = typeof contract
export type Method = keyof Contract
export const METHODS = Object.keys(contract) as Method[]
export const isMethod = (m: unknown): m is Method => typeof m === 'string' && Object.hasOwn(contract, m)

/** What the caller passes (defaults may be left out). */
export type ArgsOf<M extends Method> = z.input<Contract[M]['input']>
/** What the handler receives after validation (defaults filled in). */
export type ParsedArgsOf<M extends Method> = z.output<Contract[M]['input']>
export type ResultOf<M extends Method> = NonNullable<Contract[M]['output']>

export interface ApiErrorValue {
  code: ErrorCode
  message: string
  /** Field-level problems for invalid arguments. */
  issues?: { path: string; message: string }[]
}

/** Every call answers with exactly one of these, over IPC and HTTP alike. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorValue }

export type Handlers = { [M in Method]: (args: ParsedArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>> }

/** The handlers of one feature's part of the contract (see ./handlers/). */
export type HandlersFor<C extends Record<string, { input: z.ZodType; output: unknown }>> = {
  [M in keyof C]: (args: z.output<C[M]['input']>) => NonNullable<C[M]['output']> | Promise<NonNullable<C[M]['output']>>
}

/** The renderer's view of the API: the same shape whichever transport carries it. */
export interface ApiTransport {
  call(method: string, args: unknown): Promise<Envelope>
}

export { IPC_CHANNEL } from './channel'
