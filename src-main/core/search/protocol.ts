// Messages between the search service (main thread) and the search worker.
import type { IndexProgress, SearchPage, SearchPageRequest } from './searcher'

export type WorkerRequest =
  | { id: number; type: 'query'; request: SerializedRequest }
  | { id: number; type: 'update'; changed: number[]; removed: number[] }
  | { id: number; type: 'rebuild' }
  | { id: number; type: 'suggest'; prefix: string; limit: number }
  | { id: number; type: 'status' }

/** A Set cannot cross postMessage as cheaply as an array: ids travel as an array. */
export type SerializedRequest = Omit<SearchPageRequest, 'filters'> & { filters?: Omit<NonNullable<SearchPageRequest['filters']>, 'ids'> & { ids?: number[] } }

export interface SearchStatus {
  state: 'starting' | 'loading' | 'building' | 'saving' | 'ready' | 'failed'
  done: number
  total: number
  documents: number
  error?: string
}

export type WorkerReply =
  | { id: number; ok: true; value: SearchPage | string[] | SearchStatus | null }
  | { id: number; ok: false; error: { code: string; message: string } }
  | { type: 'progress'; progress: IndexProgress }
  | { type: 'ready'; documents: number; how: 'loaded' | 'built' }
  | { type: 'failed'; message: string }

export interface WorkerInit {
  archiveDir: string
}
