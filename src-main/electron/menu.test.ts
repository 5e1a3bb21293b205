import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { aboutText, buildMenuTemplate, MENU_LABELS, type MenuCommand } from './menu'

type Item = MenuItemConstructorOptions
const flatten = (items: Item[]): Item[] => items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])])
const find = (items: Item[], label: string) => flatten(items).find((i) => i.label === label)

function build(locale: 'ar' | 'en', platform: NodeJS.Platform = 'linux', dev = false) {
  const sent: MenuCommand[] = []
  let abouts = 0
  const template = buildMenuTemplate({ locale, platform, dev, command: (c) => sent.push(c), about: () => abouts++ })
  return { template, sent, abouts: () => abouts }
}

describe('the native menu', () => {
  it('is in Arabic when the UI is', () => {
    const { template } = build('ar')
    expect(template.map((m) => m.label)).toEqual(['ملف', 'تحرير', 'عرض', 'مساعدة'])
    for (const label of ['استيراد…', 'تصدير…', 'نسخ احتياطي الآن', 'إنهاء أرشيف', 'قص', 'نسخ', 'لصق', 'بحث…', 'تكبير', 'تصغير', 'عن أرشيف']) expect(find(template, label), label).toBeDefined()
  })

  it('is in English when the UI is', () => {
    const { template } = build('en')
    expect(template.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
    for (const label of ['Import…', 'Export…', 'Back Up Now', 'Quit Arshif', 'Cut', 'Copy', 'Paste', 'Find…', 'Zoom In', 'About Arshif']) expect(find(template, label), label).toBeDefined()
  })

  it('has every label in both languages, and no English left in the Arabic menu', () => {
    expect(Object.keys(MENU_LABELS.ar).sort()).toEqual(Object.keys(MENU_LABELS.en).sort())
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const labels = flatten(build('ar', platform, true).template).map((i) => i.label).filter(Boolean)
      for (const label of labels) expect(label, label).toMatch(/[\u0600-\u06FF]/)
    }
  })

  it('sends find, import, export and back-up to the page with the usual shortcuts', () => {
    const { template, sent } = build('en')
    const expected: [string, string, MenuCommand][] = [
      ['Find…', 'CmdOrCtrl+F', 'find'],
      ['Import…', 'CmdOrCtrl+O', 'import'],
      ['Export…', 'CmdOrCtrl+P', 'export'],
      ['Back Up Now', 'CmdOrCtrl+Shift+S', 'backup'],
    ]
    for (const [label, accelerator] of expected) {
      const item = find(template, label)!
      expect(item.accelerator).toBe(accelerator)
      ;(item.click as () => void)()
    }
    expect(sent).toEqual(expected.map((e) => e[2]))
  })

  it('gives the editing, zoom and quit items their roles and shortcuts', () => {
    const items = flatten(build('ar').template)
    const byRole = (role: string) => items.find((i) => i.role === role)
    expect(byRole('quit')?.accelerator).toBe('CmdOrCtrl+Q')
    expect(byRole('cut')?.accelerator).toBe('CmdOrCtrl+X')
    expect(byRole('copy')?.accelerator).toBe('CmdOrCtrl+C')
    expect(byRole('paste')?.accelerator).toBe('CmdOrCtrl+V')
    expect(byRole('zoomIn')?.accelerator).toBe('CmdOrCtrl+=')
    expect(byRole('zoomOut')?.accelerator).toBe('CmdOrCtrl+-')
    expect(byRole('resetZoom')?.accelerator).toBe('CmdOrCtrl+0')
    for (const item of items.filter((i) => i.role && i.role !== 'help')) expect(item.accelerator ?? item.role === 'unhide', String(item.role)).toBeTruthy()
  })

  it('offers Reload and Developer Tools in development only', () => {
    expect(flatten(build('en', 'linux', false).template).some((i) => i.role === 'reload' || i.role === 'toggleDevTools')).toBe(false)
    const dev = flatten(build('en', 'linux', true).template)
    expect(dev.find((i) => i.role === 'reload')?.accelerator).toBe('CmdOrCtrl+R')
    expect(dev.some((i) => i.role === 'toggleDevTools')).toBe(true)
  })

  it('follows macOS conventions there: an app menu with About and Quit, and a Window menu', () => {
    const { template } = build('en', 'darwin')
    expect(template.map((m) => m.label)).toEqual(['Arshif', 'File', 'Edit', 'View', 'Window', 'Help'])
    const appMenu = template[0]!.submenu as Item[]
    expect(appMenu.map((i) => i.label)).toContain('Quit Arshif')
    expect((template[1]!.submenu as Item[]).some((i) => i.role === 'quit')).toBe(false)
  })

  it('opens the About box, in the menu language', () => {
    const { template, abouts } = build('ar')
    ;(find(template, 'عن أرشيف')!.click as () => void)()
    expect(abouts()).toBe(1)
    expect(aboutText('ar', '1.2.3').detail).toContain('الإصدار 1.2.3')
    expect(aboutText('en', '1.2.3').detail).toContain('Version 1.2.3')
  })
})
