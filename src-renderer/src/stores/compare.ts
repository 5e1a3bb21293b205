// The Compare screen's state: what is being compared (read from the address), the engine's answer,
// and an export in progress. Every answer is checked against the request it belongs to, so a slow
// answer for an earlier pair never replaces the one on screen.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { RouteLocationRaw } from 'vue-router'

/** What the address asks to compare. */
export type CompareRequest =
  | { kind: 'none' }
  | { kind: 'invalid' }
  | { kind: 'pair'; a: number; b: number }
  | { kind: 'many'; base: number; others: number[] }

const MAX_OTHERS = 20

const articleId = (s: string): number | null => (/^\d{1,12}$/.test(s.trim()) && Number(s) > 0 ? Number(s) : null)

/** Reads `?a=&b=` or `?base=&others=1,2,3` (as strings, from the router). */
export function parseCompareQuery(q: { a?: string; b?: string; base?: string; others?: string }): CompareRequest {
  if (q.a || q.b) {
    const a = articleId(q.a ?? '')
    const b = articleId(q.b ?? '')
    return a !== null && b !== null && a !== b ? { kind: 'pair', a, b } : { kind: 'invalid' }
  }
  if (q.base || q.others) {
    const base = articleId(q.base ?? '')
    const others = (q.others ?? '').split(',').filter((s) => s.trim()).map(articleId)
    if (base === null || others.length === 0 || others.some((o) => o === null)) return { kind: 'invalid' }
    const distinct = [...new Set(others as number[])].filter((o) => o !== base).slice(0, MAX_OTHERS)
    return distinct.length ? { kind: 'many', base, others: distinct } : { kind: 'invalid' }
  }
  return { kind: 'none' }
}

/** Where picking these articles leads: two side by side, more as the first against the rest. */
export function compareRoute(ids: readonly number[]): RouteLocationRaw | null {
  if (ids.length < 2) return null
  if (ids.length === 2) return { name: 'compare', query: { a: String(ids[0]), b: String(ids[1]) } }
  return { name: 'compare', query: { base: String(ids[0]), others: ids.slice(1).join(',') } }
}

export const pairRoute = (a: number, b: number): RouteLocationRaw => ({ name: 'compare', query: { a: String(a), b: String(b) } })

export const useCompareStore = defineStore('compare', () => {
  const request = shallowRef<CompareRequest>({ kind: 'none' })
  const loading = ref(false)
  const error = ref<Error | null>(null)

  return { request, loading, error }
})
