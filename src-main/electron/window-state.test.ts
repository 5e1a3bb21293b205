import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { tempDir } from '../../test-support/tmp'
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState, serializeWindowState, type Rect } from './window-state'

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }

describe('window state', () => {
  it('round-trips through JSON', () => {
    const state = { x: 100, y: 50, width: 1400, height: 900, maximized: true }
    expect(parseWindowState(serializeWindowState(state))).toEqual(state)
    expect(parseWindowState(serializeWindowState({ width: 1000, height: 700, maximized: false }))).toEqual({ width: 1000, height: 700, maximized: false })
  })

  it.each([[null], [''], ['{'], ['[]'], ['"x"'], ['{"width":"big","height":-3,"x":1.5,"y":null}']])('gives the default window for %j', (text) => {
    const state = parseWindowState(text)
    expect(state).toEqual(DEFAULT_WINDOW_STATE)
  })

  it('keeps a window that is on a display where it was', () => {
    const state = { x: 2100, y: 100, width: 1400, height: 900, maximized: false }
    expect(fitToDisplays(state, [laptop, rightMonitor])).toEqual(state)
  })

  it('brings back a window saved on a monitor that is no longer there, centred on the primary', () => {
    const state = { x: 2100, y: 100, width: 2400, height: 1300, maximized: false }
    expect(fitToDisplays(state, [laptop])).toEqual({ width: 1920, height: 1040, maximized: false })
  })

  it('moves a window hanging off the edge fully onto its display', () => {
    expect(fitToDisplays({ x: 1500, y: -40, width: 1000, height: 800, maximized: false }, [laptop])).toEqual({ x: 920, y: 0, width: 1000, height: 800, maximized: false })
  })

  it('shrinks a window bigger than its display and never below the minimum size', () => {
    expect(fitToDisplays({ x: 0, y: 0, width: 5000, height: 3000, maximized: true }, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1040, maximized: true })
    expect(fitToDisplays({ x: 10, y: 10, width: 100, height: 100, maximized: false }, [laptop])).toMatchObject({ width: 720, height: 480 })
  })

  it('saves to a file and loads it back; a missing or damaged file gives the default', () => {
    const dir = tempDir()
    const file = join(dir, 'window-state.json')
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
    saveWindowState(file, { x: 5, y: 6, width: 900, height: 700, maximized: false })
    expect(loadWindowState(file)).toEqual({ x: 5, y: 6, width: 900, height: 700, maximized: false })
    writeFileSync(file, '\u0000garbage')
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE)
  })
})
