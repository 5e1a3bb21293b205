// The native menu, in the UI's language, built by a pure function so both languages and every
// shortcut are tested without Electron. Commands that belong to the page (find, import, export,
// back up) are sent to the renderer, which runs them like the browser's keyboard shortcuts do.
import type { MenuItemConstructorOptions } from 'electron'
import type { Locale } from '../api/contract'

/** Mirrors AppCommand in src-renderer/src/commands.ts. */
export const MENU_COMMANDS = ['find', 'import', 'export', 'backup'] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]
export const isMenuCommand = (v: unknown): v is MenuCommand => typeof v === 'string' && (MENU_COMMANDS as readonly string[]).includes(v)

export const MENU_LABELS = {
  ar: {
    app: 'أرشيف',
    file: 'ملف',
    import: 'استيراد…',
    export: 'تصدير…',
    backup: 'نسخ احتياطي الآن',
    quit: 'إنهاء أرشيف',
    edit: 'تحرير',
    undo: 'تراجع',
    redo: 'إعادة',
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    selectAll: 'تحديد الكل',
    find: 'بحث…',
    view: 'عرض',
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    resetZoom: 'الحجم الأصلي',
    fullScreen: 'ملء الشاشة',
    reload: 'إعادة التحميل',
    devTools: 'أدوات المطوّر',
    window: 'نافذة',
    minimize: 'تصغير النافذة',
    close: 'إغلاق النافذة',
    hide: 'إخفاء أرشيف',
    hideOthers: 'إخفاء الآخرين',
    unhide: 'إظهار الكل',
    help: 'مساعدة',
    about: 'عن أرشيف',
    aboutDetail: 'أرشيف بحثي للأخبار العربية يعمل على جهازك دون اتصال.\nالإصدار {version}',
  },
  en: {
    app: 'Arshif',
    file: 'File',
    import: 'Import…',
    export: 'Export…',
    backup: 'Back Up Now',
    quit: 'Quit Arshif',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    find: 'Find…',
    view: 'View',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    resetZoom: 'Actual Size',
    fullScreen: 'Full Screen',
    reload: 'Reload',
    devTools: 'Developer Tools',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close Window',
    hide: 'Hide Arshif',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    help: 'Help',
    about: 'About Arshif',
    aboutDetail: 'An offline research archive for Arabic news, on your own machine.\nVersion {version}',
  },
} satisfies Record<Locale, Record<string, string>>

export const ACCELERATORS = {
  find: 'CmdOrCtrl+F',
  import: 'CmdOrCtrl+O',
  export: 'CmdOrCtrl+P',
  backup: 'CmdOrCtrl+Shift+S',
  quit: 'CmdOrCtrl+Q',
  undo: 'CmdOrCtrl+Z',
  redo: 'CmdOrCtrl+Shift+Z',
  cut: 'CmdOrCtrl+X',
  copy: 'CmdOrCtrl+C',
  paste: 'CmdOrCtrl+V',
  selectAll: 'CmdOrCtrl+A',
  zoomIn: 'CmdOrCtrl+=',
  zoomOut: 'CmdOrCtrl+-',
  resetZoom: 'CmdOrCtrl+0',
  reload: 'CmdOrCtrl+R',
  minimize: 'CmdOrCtrl+M',
  close: 'CmdOrCtrl+W',
} as const

export interface MenuOptions {
  locale: Locale
  platform: NodeJS.Platform
  /** Development build: Reload and Developer Tools in the View menu. */
  dev: boolean
  /** Sends a page command to the focused window's renderer. */
  command(command: MenuCommand): void
  about(): void
}

export function buildMenuTemplate(o: MenuOptions): MenuItemConstructorOptions[] {
  const l = MENU_LABELS[o.locale]
  const mac = o.platform === 'darwin'
  const send = (command: MenuCommand): MenuItemConstructorOptions => ({ label: l[command], accelerator: ACCELERATORS[command], click: () => o.command(command) })
  const sep: MenuItemConstructorOptions = { type: 'separator' }
  const about: MenuItemConstructorOptions = { label: l.about, click: () => o.about() }
  const quit: MenuItemConstructorOptions = { role: 'quit', label: l.quit, accelerator: ACCELERATORS.quit }

  const menus: MenuItemConstructorOptions[] = []
  if (mac) {
    menus.push({
      label: l.app,
      submenu: [about, sep, { role: 'hide', label: l.hide, accelerator: 'Cmd+H' }, { role: 'hideOthers', label: l.hideOthers, accelerator: 'Cmd+Alt+H' }, { role: 'unhide', label: l.unhide }, sep, quit],
    })
  }
  menus.push({ label: l.file, submenu: [send('import'), send('export'), sep, send('backup'), ...(mac ? [] : [sep, quit])] })
  menus.push({
    label: l.edit,
    submenu: [
      { role: 'undo', label: l.undo, accelerator: ACCELERATORS.undo },
      { role: 'redo', label: l.redo, accelerator: ACCELERATORS.redo },
      sep,
      { role: 'cut', label: l.cut, accelerator: ACCELERATORS.cut },
      { role: 'copy', label: l.copy, accelerator: ACCELERATORS.copy },
      { role: 'paste', label: l.paste, accelerator: ACCELERATORS.paste },
      { role: 'selectAll', label: l.selectAll, accelerator: ACCELERATORS.selectAll },
      sep,
      send('find'),
    ],
  })
  menus.push({
    label: l.view,
    submenu: [
      { role: 'zoomIn', label: l.zoomIn, accelerator: ACCELERATORS.zoomIn },
      { role: 'zoomOut', label: l.zoomOut, accelerator: ACCELERATORS.zoomOut },
      { role: 'resetZoom', label: l.resetZoom, accelerator: ACCELERATORS.resetZoom },
      sep,
      { role: 'togglefullscreen', label: l.fullScreen, accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
      ...(o.dev
        ? [sep, { role: 'reload', label: l.reload, accelerator: ACCELERATORS.reload } as const, { role: 'toggleDevTools', label: l.devTools, accelerator: mac ? 'Alt+Cmd+I' : 'Ctrl+Shift+I' } as const]
        : []),
    ],
  })
  if (mac) menus.push({ label: l.window, submenu: [{ role: 'minimize', label: l.minimize, accelerator: ACCELERATORS.minimize }, { role: 'close', label: l.close, accelerator: ACCELERATORS.close }] })
  menus.push({ role: 'help', label: l.help, submenu: [about] })
  return menus
}

/** The About box's text, in the menu's language. */
export function aboutText(locale: Locale, version: string): { title: string; message: string; detail: string } {
  const l = MENU_LABELS[locale]
  return { title: l.about, message: locale === 'ar' ? 'أرشيف — Arshif' : 'Arshif — أرشيف', detail: l.aboutDetail.replace('{version}', version) }
}
