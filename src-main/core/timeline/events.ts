// From articles to a timeline: every date mention becomes an event labelled with what happened
// (label.ts), the same event reported by several articles is merged into one entry citing them all,
// and the events are put in chronological order.
//
// Offsets: an event source's start/end are offsets in the article's body as the archive stores it,
// its paragraphs joined by "\n\n" (Article.paragraphs.join('\n\n')).
//
// Merging: events with the same date, precision and part whose labels say the same thing. Labels are
// compared as sets of index terms (normalized, stopwords dropped, light stemming: the search
// analyzer), each term weighted by how rare it is among the labels being merged (ln(1 + N/df): the
// story's own words — التفجير، مسجد، الطوارئ — count little, who did what counts much), by the weighted
// Dice coefficient 2w(A∩B) / (w(A)+w(B)), or by containment w(A∩B) / min(w(A),w(B)) ≥ MERGE_CONTAINMENT
// when the shorter label has at least 4 terms (a wire story reprinted with a clause more or less). A
// label joins the cluster it is most like on average (average linkage: no chains of condemnations from
// different capitals) when that is ≥ MERGE_DICE. An article is cited once per event. Unresolved events
// are never merged: two "أمس" in undated articles need not be the same day.
//
// Order: an event covers a period (a day, a month or part of one, a year or part of one); events are
// ordered by the first day of their period, a longer period before the shorter ones that start with
// it ("2011" before "كانون الثاني 2011" before "1 كانون الثاني 2011"), so an imprecise date is never
// presented as if it were the first of its period, and it heads the dates it contains. Unresolved
// events come last, in the order of their articles.
import { analyze } from '../arabic/analyzer'
import type { DatePrecision } from '../model'
import { extractDates } from './extract'
import { trimLabel } from './label'
import { sentenceAround } from './sentence'
import type { DateMention } from './types'
import type { EventPrecision, EventSource, Part, Timeline, TimelineEvent, TimelineScope } from './events-types'

export const MERGE_DICE = 0.6
export const MERGE_CONTAINMENT = 0.8

/** What the timeline needs of an article. */
export interface TimelineArticle {
  id: number
  title: string
  /** paragraphs joined by "\n\n" */
  body: string
  source: string | null
  /** publication date, ISO, as precise as `datePrecision` says */
  date: string | null
  datePrecision: DatePrecision
}

/** The publication day an article's relative dates are resolved against, when it is known to the day. */
export function referenceDateOf(a: Pick<TimelineArticle, 'date' | 'datePrecision'>): string | undefined {
  if (!a.date || (a.datePrecision !== 'day' && a.datePrecision !== 'datetime')) return undefined
  return /^\d{4}-\d{2}-\d{2}/.test(a.date) ? a.date.slice(0, 10) : undefined
}

export const toEventPrecision = (m: Pick<DateMention, 'precision'>): EventPrecision => (m.precision === 'week' ? 'day' : m.precision)

/** A sentence with fewer words than this beside its date is not an event (a dateline, a heading). */
const MIN_WORDS_BESIDE_DATE = 3
const wordCount = (s: string) => s.split(/[\s،,:;.()«»"-]+/).filter((w) => /\p{L}/u.test(w)).length

/** One event per date mention of one article (not merged yet); datelines and bare headings are skipped. */
export function eventsOfArticle(a: TimelineArticle): TimelineEvent[] {
  const mentions = extractDates(a.body, { referenceDate: referenceDateOf(a) })
  const seen = new Set<string>()
  const events: TimelineEvent[] = []
  for (const m of mentions) {
    const span = sentenceAround(a.body, m.start, m.end)
    // a dateline ("أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس") says when, not what happened
    if (wordCount(span.text.slice(0, m.start - span.start)) + wordCount(span.text.slice(m.end - span.start)) < MIN_WORDS_BESIDE_DATE) continue
    const label = trimLabel({ sentence: span.text, start: m.start - span.start, end: m.end - span.start })
    const unresolved = m.resolved === false || m.date === ''
    const event: TimelineEvent = {
      key: '',
      date: unresolved ? '' : m.date,
      precision: toEventPrecision(m),
      ...(m.part ? { part: m.part } : {}),
      ...(m.hijri ? { hijri: m.hijri } : {}),
      label,
      hidden: false,
      manual: false,
      sources: [{ articleId: a.id, title: a.title, source: a.source, date: a.date, start: m.start, end: m.end, sentence: span.text }],
      ...(unresolved ? { unresolved: true, mention: m.text } : {}),
    }
    // the same date said twice in one sentence is one event
    const dedupe = `${event.date}|${event.precision}|${event.part ?? ''}|${span.start}`
    if (!unresolved && seen.has(dedupe)) continue
    seen.add(dedupe)
    events.push(event)
  }
  return events
}

/** The index terms of a label, for comparing labels. */
export function labelTerms(label: string): Set<string> {
  return new Set(analyze(label).map((t) => t.term))
}

/** How much a term says about which event a label is: ln(1 + N/df) over the labels being merged. */
export type TermWeights = (term: string) => number
const UNWEIGHTED: TermWeights = () => 1

export function termWeights(labels: readonly Set<string>[]): TermWeights {
  const df = new Map<string, number>()
  for (const terms of labels) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1)
  const n = labels.length
  return (t) => Math.log(1 + n / (df.get(t) ?? 1))
}

/** How alike two labels are, from 0 to 1 (see the top of this file). */
export function labelSimilarity(a: Set<string>, b: Set<string>, weight: TermWeights = UNWEIGHTED): number {
  if (a.size === 0 || b.size === 0) return 0
  let common = 0
  let wa = 0
  let wb = 0
  for (const t of a) {
    const w = weight(t)
    wa += w
    if (b.has(t)) common += w
  }
  for (const t of b) wb += weight(t)
  const dice = (2 * common) / (wa + wb)
  const containment = Math.min(a.size, b.size) >= 4 ? common / Math.min(wa, wb) : 0
  return Math.max(dice, containment >= MERGE_CONTAINMENT ? containment : 0)
}

interface Member {
  event: TimelineEvent
  terms: Set<string>
}
interface Cluster {
  members: Member[]
}

/** a label's mean similarity to a cluster's members (the first 12: enough to tell, bounded cost) */
function clusterSimilarity(c: Cluster, terms: Set<string>, weight: TermWeights): number {
  const pool = c.members.length > 12 ? c.members.slice(0, 12) : c.members
  let sum = 0
  for (const m of pool) sum += labelSimilarity(terms, m.terms, weight)
  return sum / pool.length
}

/** a term shared by more clusters than this says nothing about which one a label belongs to */
const MAX_POSTINGS = 300
/**
 * A cluster whose terms, all members together, weigh less than this share of a label's terms cannot
 * reach MERGE_DICE with it (Dice ≥ 0.6 needs a shared weight ≥ 0.3 of the label's), nor, in practice,
 * MERGE_CONTAINMENT: it is not compared at all.
 */
const MIN_SHARED = 0.15

/** Clusters the events of one date, precision and part (see the top of this file). */
function clusterGroup(group: Member[], weight: TermWeights): Cluster[] {
  const clusters: Cluster[] = []
  // term → the clusters whose members have it: only clusters sharing rare terms are compared
  const postings = new Map<string, number[]>()
  for (const member of group) {
    let own = 0
    const shared = new Map<number, number>()
    for (const t of member.terms) {
      const w = weight(t)
      own += w
      const list = postings.get(t)
      if (!list || list.length > MAX_POSTINGS) continue
      for (const ci of list) shared.set(ci, (shared.get(ci) ?? 0) + w)
    }
    let best = -1
    let bestScore = 0
    for (const [ci, w] of shared) {
      if (w < MIN_SHARED * own) continue
      const s = clusterSimilarity(clusters[ci]!, member.terms, weight)
      if (s > bestScore) ((bestScore = s), (best = ci))
    }
    const at = best >= 0 && bestScore >= MERGE_DICE ? best : clusters.push({ members: [] }) - 1
    clusters[at]!.members.push(member)
    for (const t of member.terms) {
      const list = postings.get(t)
      if (!list) postings.set(t, [at])
      else if (!list.includes(at) && list.length <= MAX_POSTINGS) list.push(at)
    }
  }
  return clusters
}

/**
 * Merges the events of several articles: see the top of this file. The merged event takes the label
 * that is most like the others' (the medoid), and cites every article once, oldest first.
 */
export function mergeEvents(events: TimelineEvent[]): TimelineEvent[] {
  const groups = new Map<string, Member[]>()
  const apart: TimelineEvent[] = []
  const allTerms: Set<string>[] = []
  for (const event of events) {
    if (event.unresolved || event.manual) {
      apart.push(event)
      continue
    }
    const terms = labelTerms(event.label)
    allTerms.push(terms)
    const k = `${event.date}|${event.precision}|${event.part ?? ''}`
    const g = groups.get(k)
    if (g) g.push({ event, terms })
    else groups.set(k, [{ event, terms }])
  }
  const weight = termWeights(allTerms)
  const merged: TimelineEvent[] = []
  for (const group of groups.values()) for (const c of clusterGroup(group, weight)) merged.push(collapse(c, weight))
  return [...merged, ...apart]
}

function collapse(c: Cluster, weight: TermWeights): TimelineEvent {
  if (c.members.length === 1) return c.members[0]!.event
  // the medoid's label (for big clusters, among the first 12 members)
  const pool = c.members.slice(0, 12)
  let medoid = pool[0]!
  let bestSum = -1
  for (const m of pool) {
    let sum = 0
    for (const o of pool) if (o !== m) sum += labelSimilarity(m.terms, o.terms, weight)
    if (sum > bestSum) ((bestSum = sum), (medoid = m))
  }
  const sources: EventSource[] = []
  const cited = new Set<number>()
  for (const { event } of c.members)
    for (const s of event.sources) {
      if (cited.has(s.articleId)) continue
      cited.add(s.articleId)
      sources.push(s)
    }
  sources.sort(bySourceDate)
  const hijri = c.members.find((m) => m.event.hijri)?.event.hijri
  return { ...medoid.event, ...(hijri ? { hijri } : {}), sources }
}

const bySourceDate = (a: EventSource, b: EventSource) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.articleId - b.articleId

// ── order ───────────────────────────────────────────────────────────────────────────────────────

const p2 = (n: number) => String(n).padStart(2, '0')
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

const YEAR_PARTS: Record<Part, [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12], q1: [1, 3], q2: [4, 6], q3: [7, 9], q4: [10, 12] }
const MONTH_PARTS: Partial<Record<Part, [number, number]>> = { early: [1, 10], mid: [11, 20], late: [21, 31] }

/** The first and last day (YYYY-MM-DD) of the period an event's date names; undefined when unresolved. */
export function periodOf(e: Pick<TimelineEvent, 'date' | 'precision' | 'part'>): { from: string; to: string } | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(e.date)
  if (!m) return undefined
  const y = Number(m[1])
  if (m[3]) return { from: e.date, to: e.date }
  if (m[2]) {
    const mo = Number(m[2])
    const end = lastDay(y, mo)
    const [a, b] = (e.part && MONTH_PARTS[e.part]) || [1, end]
    return { from: `${m[1]}-${m[2]}-${p2(a)}`, to: `${m[1]}-${m[2]}-${p2(Math.min(b, end))}` }
  }
  const [a, b] = (e.part && YEAR_PARTS[e.part]) || [1, 12]
  return { from: `${m[1]}-${p2(a)}-01`, to: `${m[1]}-${p2(b)}-${p2(lastDay(y, b))}` }
}

/** Chronological order (see the top of this file). */
export function compareEvents(a: Pick<TimelineEvent, 'date' | 'precision' | 'part'> & { sources?: EventSource[] }, b: Pick<TimelineEvent, 'date' | 'precision' | 'part'> & { sources?: EventSource[] }): number {
  const pa = periodOf(a)
  const pb = periodOf(b)
  if (!pa || !pb) return pa ? -1 : pb ? 1 : 0
  return pa.from.localeCompare(pb.from) || pb.to.localeCompare(pa.to) || firstSourceDate(a).localeCompare(firstSourceDate(b))
}
const firstSourceDate = (e: { sources?: EventSource[] }) => e.sources?.[0]?.date ?? '9999'

/** Sorts events in place and returns them. Stable: equal events keep their order. */
export const sortEvents = (events: TimelineEvent[]): TimelineEvent[] => events.sort(compareEvents)

/** The dates of the first and last visible, dated events in chronological order ('' and '' when there is none). */
export function rangeOf(events: readonly Pick<TimelineEvent, 'date' | 'precision' | 'part' | 'hidden'>[]): { from: string; to: string } {
  const dated = events.filter((e) => !e.hidden && periodOf(e)).sort(compareEvents)
  return { from: dated[0]?.date ?? '', to: dated.at(-1)?.date ?? '' }
}

// ── keys ────────────────────────────────────────────────────────────────────────────────────────

function fnv1a(s: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return (h >>> 0).toString(36)
}

/** Gives every event without a key one made from its date, precision and label (unique in the list). */
export function assignKeys(events: TimelineEvent[]): TimelineEvent[] {
  const used = new Set(events.map((e) => e.key).filter(Boolean))
  for (const e of events) {
    if (e.key) continue
    const first = e.sources[0]
    const base = `${e.date || 'unresolved'}-${e.precision}${e.part ? '-' + e.part : ''}-${fnv1a(e.label + (e.unresolved && first ? `@${first.articleId}:${first.start}` : ''))}`
    let key = base
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`
    used.add(key)
    e.key = key
  }
  return events
}

// ── the whole timeline ──────────────────────────────────────────────────────────────────────────

export interface BuildOptions {
  name: string
  scope: TimelineScope
  /** called after each article */
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

/** A draft timeline of the articles: events found, merged, ordered and keyed. */
export function buildTimeline(articles: readonly TimelineArticle[], opts: BuildOptions): Timeline {
  const all: TimelineEvent[] = []
  let done = 0
  for (const a of articles) {
    if (opts.signal?.aborted) break
    all.push(...eventsOfArticle(a))
    opts.onProgress?.(++done, articles.length)
  }
  const events = assignKeys(sortEvents(mergeEvents(all)))
  return {
    name: opts.name,
    scope: opts.scope,
    events,
    range: rangeOf(events),
    stats: { articles: articles.length, mentions: all.length, events: events.length, unresolved: events.filter((e) => e.unresolved).length },
  }
}
