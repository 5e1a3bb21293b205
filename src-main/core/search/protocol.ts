// Messages between the search service (main thread) and its search workers, one per index segment.
import type { SearchRequest } from './engine'
import type { SegmentOutcome, MergedHit } from './merge'
import type { IndexProgress, SearchHitView, Segment } from './searcher'

/** A Set cannot cross postMessage as cheaply as an array: ids travel as an array. */
export type SerializedRequest = Omit<SearchRequest, 'filters'> & { filters?: Omit<NonNullable<SearchRequest['filters']>, 'ids'> & { ids?: number[] } }

export type WorkerRequest =
  | { id: number; type: 'outcome'; request: SerializedRequest }
  | { id: number; type: 'hydrate'; hits: MergedHit[]; terms: string[] }
  | { id: number; type: 'update'; changed: number[]; removed: number[] }
  | { id: number; type: 'rebuild' }
  | { id: number; type: 'sync' }
  | { id: number; type: 'suggest'; prefix: string; limit: number }
  | { id: number; type: 'heap' }

export interface SearchStatus {
  state: 'starting' | 'loading' | 'building' | 'saving' | 'ready' | 'failed'
  done: number
  total: number
  documents: number
  error?: string
}

export type WorkerReply =
  | { id: number; ok: true; value: SegmentOutcome | SearchHitView[] | string[] | number | null }
  | { id: number; ok: false; error: { code: string; message: string } }
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'ready'; documents: number; how: 'loaded' | 'built' }
  | { type: 'failed'; message: string }

export interface WorkerInit {
  archiveDir: string
  segment: Segment
}
