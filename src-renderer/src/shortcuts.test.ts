import { describe, expect, it } from 'vitest'
import { shortcutCommand } from './shortcuts'

const key = (code: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}, key = code.slice(3).toLowerCase()) => ({
  code,
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
})

describe('keyboard shortcuts in the browser', () => {
  it('maps Ctrl or Cmd + F, O, P and Shift+S to the app commands', () => {
    expect(shortcutCommand(key('KeyF', { ctrlKey: true }))).toBe('find')
    expect(shortcutCommand(key('KeyF', { metaKey: true }))).toBe('find')
    expect(shortcutCommand(key('KeyO', { ctrlKey: true }))).toBe('import')
    expect(shortcutCommand(key('KeyP', { ctrlKey: true }))).toBe('export')
    expect(shortcutCommand(key('KeyS', { ctrlKey: true, shiftKey: true }, 'S'))).toBe('backup')
  })

  it('works by physical key with an Arabic keyboard layout (Ctrl+ب is Ctrl+F)', () => {
    expect(shortcutCommand(key('KeyF', { ctrlKey: true }, 'ب'))).toBe('find')
    expect(shortcutCommand(key('KeyO', { ctrlKey: true }, 'خ'))).toBe('import')
  })

  it('leaves other keys alone', () => {
    expect(shortcutCommand(key('KeyF'))).toBeNull()
    expect(shortcutCommand(key('KeyF', { ctrlKey: true, altKey: true }))).toBeNull()
    expect(shortcutCommand(key('KeyF', { ctrlKey: true, shiftKey: true }))).toBeNull()
    expect(shortcutCommand(key('KeyS', { ctrlKey: true }))).toBeNull()
    expect(shortcutCommand(key('KeyC', { ctrlKey: true }))).toBeNull()
  })
})
