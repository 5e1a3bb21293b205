// The app's commands from the keyboard and the desktop menu: find (Ctrl/Cmd+F), import (Ctrl/Cmd+O),
// export (Ctrl/Cmd+P) and back up (Ctrl/Cmd+Shift+S). In the desktop window the native menu owns
// the shortcuts and sends its commands through the preload (window.arshif.onCommand); in a browser
// the same keys are caught here. Either way a view that registered the command (onAppCommand)
// acts on it; otherwise the app does what makes sense (go to the search box, to the Import view…).
import { nextTick } from 'vue'
import type { Router } from 'vue-router'
import { runAppCommand, type AppCommand } from './commands'
import { i18n } from './i18n'

interface DesktopBridge {
  onCommand?: (callback: (command: string) => void) => void
}

const COMMANDS: readonly AppCommand[] = ['find', 'import', 'export', 'backup']
const isAppCommand = (v: unknown): v is AppCommand => typeof v === 'string' && (COMMANDS as readonly string[]).includes(v)

type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>

/** The command a key press asks for. By physical key, so Ctrl+F works with an Arabic layout too. */
export function shortcutCommand(e: KeyLike): AppCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  const letter = e.code?.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.key.toLowerCase()
  if (e.shiftKey) return letter === 's' ? 'backup' : null
  return letter === 'f' ? 'find' : letter === 'o' ? 'import' : letter === 'p' ? 'export' : null
}

/** A short message in the corner (role=status), for a command that had nothing to act on here. */
export function showNotice(text: string, doc: Document = document): void {
  let box = doc.querySelector<HTMLElement>('[data-testid="app-notice"]')
  if (!box) {
    box = doc.createElement('div')
    box.dataset.testid = 'app-notice'
    box.setAttribute('role', 'status')
    box.className = 'app-notice'
    // Styled through the CSSOM: the CSP allows no inline style sheet.
    Object.assign(box.style, {
      position: 'fixed', insetInlineEnd: '1rem', bottom: '2.5rem', maxWidth: '28rem', padding: '0.6rem 1rem', zIndex: '50',
      background: 'var(--card, #fff)', color: 'var(--ink, #222)', border: '1px solid var(--line, #ccc)', borderRadius: '8px', boxShadow: '0 4px 16px rgba(0,0,0,0.12)',
    })
    doc.body.appendChild(box)
  }
  box.textContent = text
  box.hidden = false
  const shown = box
  clearTimeout(Number(shown.dataset.timer))
  shown.dataset.timer = String(setTimeout(() => (shown.hidden = true), 6000))
}

function focusSearchBox(): void {
  const input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]')
  input?.focus()
  input?.select()
}

export async function performAppCommand(command: AppCommand, router: Router): Promise<void> {
  const t = i18n.global.t
  switch (command) {
    case 'find':
      if (runAppCommand('find')) return
      if (router.currentRoute.value.name !== 'search') await router.push('/search')
      await nextTick()
      focusSearchBox()
      return
    case 'import':
      // Already in the Import view: it opens its file chooser, if it registered one.
      if (router.currentRoute.value.name === 'import') runAppCommand('import')
      else await router.push('/import')
      return
    case 'export':
      if (!runAppCommand('export')) showNotice(t('desktop.commands.nothingToExport'))
      return
    case 'backup':
      // The backup panel (in the Archive view) makes it and shows its progress and result.
      if (runAppCommand('backup')) return
      await router.push('/')
      await nextTick()
      if (!runAppCommand('backup')) showNotice(t('desktop.commands.backupNotHere'))
      return
  }
}

/**
 * A file dropped outside a drop zone must not replace the app with the file (a browser navigates
 * to it; Electron refuses the navigation in main as well). Drop zones call preventDefault first.
 */
export function ignoreStrayDrops(win: Window = window): () => void {
  // Cancelling dragover is what makes the page, not the browser, receive the drop. (No dropEffect
  // here: these listeners may run before a view's own, which must still be able to accept files.)
  const onDragover = (e: DragEvent) => e.preventDefault()
  const onDrop = (e: DragEvent) => e.preventDefault()
  win.addEventListener('dragover', onDragover)
  win.addEventListener('drop', onDrop)
  return () => {
    win.removeEventListener('dragover', onDragover)
    win.removeEventListener('drop', onDrop)
  }
}

/** Starts listening to the menu (desktop) or the keyboard (browser); returns how to stop. */
export function installShortcuts(router: Router, win: Window = window): () => void {
  ignoreStrayDrops(win)
  const bridge = (win as Window & { arshif?: DesktopBridge }).arshif
  if (bridge?.onCommand) {
    bridge.onCommand((command) => {
      if (isAppCommand(command)) void performAppCommand(command, router)
    })
    return () => {}
  }
  const onKeydown = (e: KeyboardEvent) => {
    const command = shortcutCommand(e)
    if (!command) return
    e.preventDefault() // the browser's own find, open and print dialogs
    void performAppCommand(command, router)
  }
  win.addEventListener('keydown', onKeydown, { capture: true })
  return () => win.removeEventListener('keydown', onKeydown, { capture: true })
}
