// The Timeline screen's state: the timeline being worked on (a fresh draft or a saved one), the
// person's edits to it (labels, dates, hidden events, events added by hand), the zoom and display
// switches, the saved timelines, and the two long jobs (building, exporting) with their progress.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ArgsOf, ExportedFile, Locale, ResultOf } from '@contract'
import type { CollectionSummary, EventPrecision, Part, Timeline, TimelineEvent, TimelineExportFormat, TimelineScope, TimelineSummary } from '../../../src-main/api/contracts/timeline'
import { ApiError, call } from '../api/client'
import { coveredRange, groupEvents, type Zoom } from '../timeline-groups'
import { compareDated } from '../timeline-dates'

export type JobInfo = ResultOf<'jobs.get'>
export const JOB_POLL_MS = 300

/** What a person may change about an event's date and words. */
export interface EventEdit {
  label?: string
  date?: string
  precision?: EventPrecision
  part?: Part | null
}

/** A new event made by hand. */
export interface NewEvent {
  label: string
  date: string
  precision: EventPrecision
  part?: Part | null
}

/** The fields the contract accepts for an event, and nothing else (the schema is strict). */
function contractEvent(e: TimelineEvent): TimelineEvent {
  const out: TimelineEvent = {
    key: e.key, date: e.date, precision: e.precision, label: e.label, hidden: e.hidden, manual: e.manual,
    sources: e.sources.map((s) => ({ articleId: s.articleId, title: s.title, source: s.source, date: s.date, start: s.start, end: s.end, sentence: s.sentence })),
  }
  if (e.part) out.part = e.part
  if (e.hijri) out.hijri = e.hijri
  if (e.unresolved) out.unresolved = e.unresolved
  if (e.mention) out.mention = e.mention
  return out
}

/** A plain copy of reactive data: the desktop IPC clones arguments and refuses Vue's proxies. */
const plain = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** Whether a date fits its precision: 'YYYY' for a year or part of one, 'YYYY-MM' for a month, 'YYYY-MM-DD' for a day. */
export function dateFitsPrecision(date: string, precision: EventPrecision): boolean {
  const shape = { year: /^\d{4}$/, part: /^\d{4}$/, month: /^\d{4}-(0[1-9]|1[0-2])$/, day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/ }[precision]
  return shape.test(date)
}

let manualCounter = 0
const manualKey = () => `manual-${Date.now().toString(36)}-${(manualCounter++).toString(36)}`

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export const useTimelineStore = defineStore('timeline', () => {
  /** The timeline on screen: a draft just built (no id), or a saved one, with the person's edits. */
  const timeline = ref<Timeline | null>(null)
  /** Edits not yet saved. */
  const dirty = ref(false)
  const zoom = ref<Zoom>('year')
  const showHidden = ref(false)
  const showHijri = ref(false)

  const events = computed(() => timeline.value?.events ?? [])
  const visibleEvents = computed(() => (showHidden.value ? events.value : events.value.filter((e) => !e.hidden)))
  const hiddenCount = computed(() => events.value.filter((e) => e.hidden).length)
  const groups = computed(() => groupEvents(visibleEvents.value, zoom.value))
  const range = computed(() => coveredRange(events.value.filter((e) => !e.hidden)))

  const error = shallowRef<Error | null>(null)

  // ---- jobs (build, export): start, poll until they end, cancel ---------------------------------

  const buildJob = shallowRef<JobInfo | null>(null)
  const exportJob = shallowRef<JobInfo | null>(null)
  const exportFormat = ref<TimelineExportFormat | null>(null)
  const building = computed(() => buildJob.value?.state === 'running')
  const exporting = computed(() => exportJob.value?.state === 'running')

  /** Polls a job until it ends, showing its progress through `shown`; the finished job. */
  async function follow(job: JobInfo, shown: typeof buildJob): Promise<JobInfo> {
    shown.value = job
    while (job.state === 'running') {
      await sleep(JOB_POLL_MS)
      job = await call('jobs.get', { id: job.id })
      if (shown.value?.id !== job.id) return job // replaced by a newer job
      shown.value = job
    }
    return job
  }

  function jobError(job: JobInfo): ApiError | null {
    if (job.state === 'failed') return new ApiError(job.error ?? { code: 'internal', message: 'The job failed.' })
    return null
  }

  // ---- building --------------------------------------------------------------------------------

  /** Builds a draft from a query, a collection or picked articles; replaces the timeline on screen once done. */
  async function build(scope: TimelineScope, title?: string): Promise<void> {
    error.value = null
    try {
      const args: ArgsOf<'timeline.build'> = { ...scope }
      if (title?.trim()) args.title = title.trim().slice(0, 300)
      const started = await call('timeline.build', args)
      const job = await follow(started, buildJob)
      if (buildJob.value?.id !== job.id) return
      error.value = jobError(job)
      if (job.state === 'done' && job.result) {
        timeline.value = job.result as Timeline
        dirty.value = true // a draft is not saved until the person saves it
      }
    } catch (e) {
      error.value = e as Error
      buildJob.value = null
    }
  }

  async function cancelBuild(): Promise<void> {
    if (buildJob.value?.state === 'running') buildJob.value = await call('jobs.cancel', { id: buildJob.value.id })
  }

  // ---- editing ---------------------------------------------------------------------------------

  function findEvent(key: string): TimelineEvent | undefined {
    return timeline.value?.events.find((e) => e.key === key)
  }

  /** Keeps the events in chronological order after a date changes (undated ones last). */
  function resort(): void {
    if (timeline.value) timeline.value.events = [...timeline.value.events].sort(compareDated)
  }

  /** Changes an event's words or date; it is then marked as edited by hand (a rebuild keeps it). */
  function editEvent(key: string, edit: EventEdit): void {
    const e = findEvent(key)
    if (!e) return
    const precision = edit.precision ?? e.precision
    const date = edit.date ?? e.date
    if (edit.date !== undefined || edit.precision !== undefined) {
      if (!dateFitsPrecision(date, precision)) throw new RangeError(`${date} is not a ${precision}`)
      e.date = date
      e.precision = precision
      e.unresolved = undefined
      e.hijri = undefined // written for the old date: no longer its twin
    }
    if (edit.part !== undefined || edit.precision !== undefined) {
      const part = edit.part === undefined ? e.part : edit.part
      // Only a year (as a part of it) or a month may have a part.
      if (part && (precision === 'part' || precision === 'month')) e.part = part
      else delete e.part
      if (precision === 'part' && !e.part) e.precision = 'year'
    }
    if (edit.label !== undefined) e.label = edit.label.trim() || e.label
    e.manual = true
    dirty.value = true
    resort()
  }

  function setHidden(key: string, hidden: boolean): void {
    const e = findEvent(key)
    if (!e || e.hidden === hidden) return
    e.hidden = hidden
    dirty.value = true
  }

  /** Adds an event by hand (no sources); returns its key. */
  function addEvent(input: NewEvent): string {
    if (!dateFitsPrecision(input.date, input.precision)) throw new RangeError(`${input.date} is not a ${input.precision}`)
    if (!timeline.value) timeline.value = { name: '', scope: {}, events: [], range: { from: '', to: '' } }
    const key = manualKey()
    const e: TimelineEvent = { key, date: input.date, precision: input.precision, label: input.label.trim(), hidden: false, manual: true, sources: [] }
    if (input.part && (input.precision === 'part' || input.precision === 'month')) e.part = input.part
    timeline.value.events.push(e)
    dirty.value = true
    resort()
    return key
  }

  /** Removes an event made by hand (built events are hidden instead, so the sources are kept). */
  function removeEvent(key: string): void {
    if (!timeline.value || !findEvent(key)?.manual || findEvent(key)!.sources.length) return
    timeline.value.events = timeline.value.events.filter((e) => e.key !== key)
    dirty.value = true
  }

  function rename(name: string): void {
    if (!timeline.value) return
    timeline.value.name = name
    dirty.value = true
  }

  /** Starts an empty timeline to fill by hand. */
  function startEmpty(name: string): void {
    timeline.value = { name, scope: {}, events: [], range: { from: '', to: '' } }
    dirty.value = true
  }

  // ---- saved timelines ---------------------------------------------------------------------------

  const saved = ref<TimelineSummary[]>([])
  const saving = ref(false)
  const collections = ref<CollectionSummary[]>([])

  async function loadSaved(): Promise<void> {
    try {
      saved.value = await call('timeline.list')
    } catch (e) {
      error.value = e as Error
    }
  }

  async function loadCollections(): Promise<void> {
    try {
      collections.value = await call('collections.list')
    } catch (e) {
      error.value = e as Error
    }
  }

  /** Another saved timeline (not the one on screen) already has this name. */
  function nameTaken(name: string): TimelineSummary | undefined {
    const wanted = name.trim()
    return saved.value.find((s) => s.name === wanted && s.id !== timeline.value?.id)
  }

  /**
   * Saves the timeline on screen under `name`: the same saved timeline again when it has an id,
   * otherwise a new one (replacing another of that name only with `overwrite`).
   */
  async function save(name: string, overwrite = false): Promise<boolean> {
    const tl = timeline.value
    if (!tl || !name.trim()) return false
    saving.value = true
    error.value = null
    try {
      const taken = nameTaken(name)
      const args: ArgsOf<'timeline.save'> = { name: name.trim(), scope: plain(tl.scope), events: tl.events.map(contractEvent) }
      if (tl.id !== undefined) args.id = tl.id
      else if (overwrite && taken) args.id = taken.id
      if (overwrite) args.overwrite = true
      const result = await call('timeline.save', args)
      timeline.value = result
      dirty.value = false
      await loadSaved()
      return true
    } catch (e) {
      error.value = e as Error
      return false
    } finally {
      saving.value = false
    }
  }

  /** Opens a saved timeline (the one on screen is replaced: the view asks first when it has unsaved edits). */
  async function open(id: number): Promise<void> {
    error.value = null
    try {
      timeline.value = await call('timeline.get', { id })
      dirty.value = false
    } catch (e) {
      error.value = e as Error
    }
  }

  async function remove(id: number): Promise<void> {
    error.value = null
    try {
      await call('timeline.delete', { id })
      if (timeline.value?.id === id) {
        // What is on screen stays, as an unsaved draft, so a deletion by mistake can be saved again.
        delete timeline.value.id
        dirty.value = true
      }
      await loadSaved()
    } catch (e) {
      error.value = e as Error
    }
  }

  function close(): void {
    timeline.value = null
    dirty.value = false
    buildJob.value = null
    exportJob.value = null
  }

  // ---- exporting ---------------------------------------------------------------------------------

  /**
   * Exports what is on screen (hidden events left out by the engine): the saved timeline by id when
   * nothing has changed since it was saved, else the draft as it stands. Resolves with the file, or
   * null when the export failed or was cancelled.
   */
  async function exportAs(format: TimelineExportFormat, locale: Locale): Promise<ExportedFile | null> {
    const tl = timeline.value
    if (!tl) return null
    error.value = null
    exportFormat.value = format
    try {
      const args: ArgsOf<'timeline.export'> =
        tl.id !== undefined && !dirty.value
          ? { id: tl.id, format, hijri: showHijri.value, locale }
          : { timeline: { name: tl.name.trim() || 'Timeline', scope: plain(tl.scope), events: tl.events.map(contractEvent), range: { ...range.value } }, format, hijri: showHijri.value, locale }
      const job = await follow(await call('timeline.export', args), exportJob)
      if (exportJob.value?.id !== job.id) return null
      error.value = jobError(job)
      return job.state === 'done' ? (job.result as ExportedFile) : null
    } catch (e) {
      error.value = e as Error
      exportJob.value = null
      return null
    }
  }

  async function cancelExport(): Promise<void> {
    if (exportJob.value?.state === 'running') exportJob.value = await call('jobs.cancel', { id: exportJob.value.id })
  }

  return {
    timeline, dirty, zoom, showHidden, showHijri, events, visibleEvents, hiddenCount, groups, range, error,
    buildJob, exportJob, exportFormat, building, exporting,
    build, cancelBuild, editEvent, setHidden, addEvent, removeEvent, rename, startEmpty,
    saved, saving, collections, loadSaved, loadCollections, nameTaken, save, open, remove, close,
    exportAs, cancelExport,
  }
})
