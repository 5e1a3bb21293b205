// The window's size and place, remembered between runs as JSON in userData. Pure functions plus
// a tolerant reader: a missing, damaged or hand-edited file gives the default window, and a window
// saved on a monitor that is gone is brought back onto one that is there.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  /** Absent: let the system place the window (centred). */
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 840, maximized: false }
export const MIN_WINDOW_SIZE = { width: 720, height: 480 } as const
/** How much of the window must show on a display for its saved place to be kept. */
const MIN_VISIBLE = 100

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000

/** Reads a saved state from its JSON text; anything unusable gives the default. */
export function parseWindowState(text: string | null | undefined): WindowState {
  if (!text) return { ...DEFAULT_WINDOW_STATE }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { ...DEFAULT_WINDOW_STATE }
  }
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_WINDOW_STATE }
  const r = raw as Record<string, unknown>
  const state: WindowState = {
    width: isInt(r.width) && r.width > 0 ? r.width : DEFAULT_WINDOW_STATE.width,
    height: isInt(r.height) && r.height > 0 ? r.height : DEFAULT_WINDOW_STATE.height,
    maximized: r.maximized === true,
  }
  if (isInt(r.x) && isInt(r.y)) Object.assign(state, { x: r.x, y: r.y })
  return state
}

export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height, maximized } = state
  return JSON.stringify(x === undefined || y === undefined ? { width, height, maximized } : { x, y, width, height, maximized })
}

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi))

/**
 * Fits a saved state to the displays there are now (their work areas, the primary first): no
 * bigger than its display, wholly on it, and centred on the primary display when too little of it
 * would show on any.
 */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  const width = Math.max(state.width, MIN_WINDOW_SIZE.width)
  const height = Math.max(state.height, MIN_WINDOW_SIZE.height)
  if (workAreas.length === 0) return { width, height, maximized: state.maximized }
  const primary = workAreas[0]!
  if (state.x === undefined || state.y === undefined) return { width: Math.min(width, primary.width), height: Math.min(height, primary.height), maximized: state.maximized }

  const bounds = { x: state.x, y: state.y, width, height }
  let best = primary
  let bestOverlap = -1
  for (const area of workAreas) {
    const o = overlap(bounds, area)
    if (o > bestOverlap) [best, bestOverlap] = [area, o]
  }
  const visible = overlap(bounds, best)
  if (visible < MIN_VISIBLE * MIN_VISIBLE) return { width: Math.min(width, primary.width), height: Math.min(height, primary.height), maximized: state.maximized }

  const w = Math.min(width, best.width)
  const h = Math.min(height, best.height)
  return {
    x: clamp(state.x, best.x, best.x + best.width - w),
    y: clamp(state.y, best.y, best.y + best.height - h),
    width: w,
    height: h,
    maximized: state.maximized,
  }
}

export function loadWindowState(file: string): WindowState {
  try {
    return parseWindowState(readFileSync(file, 'utf8'))
  } catch {
    return { ...DEFAULT_WINDOW_STATE }
  }
}

/** Written beside and renamed over, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  writeFileSync(`${file}.tmp`, serializeWindowState(state))
  renameSync(`${file}.tmp`, file)
}
