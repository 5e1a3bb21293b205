// The desktop adapter: the window, the native menu, and the IPC door into the engine. The engine
// itself (archive, index, handlers) runs in a utilityProcess (engine.ts), so nothing here blocks:
// main relays each call to it and does for it what only main can do (print, open a link).
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, shell, utilityProcess, type UtilityProcess } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppError } from '../core/errors'
import { IPC_CHANNEL } from '../api/channel'
import type { Envelope, Locale, Settings } from '../api/contract'
import { checkExternalUrl } from '../api/contracts/desktop'
import { lockDown, isOwnUrl } from './security'
import { EngineClient } from './engine-client'
import type { FromEngine } from './engine-protocol'
import { printPdfInHiddenWindow } from './print-window'
import { aboutText, buildMenuTemplate, type MenuCommand } from './menu'
import { COMMAND_CHANNEL } from './command-channel'
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state'
import { electronBindingPath, SQLITE_BINDING_ENV } from './native-binding'

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererFile = join(import.meta.dirname, '../renderer/index.html')
const rendererUrl = devServerUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/')).href
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(import.meta.dirname, '../../resources')
const windowStateFile = () => join(app.getPath('userData'), 'window-state.json')

function archiveDir(): string {
  const i = process.argv.indexOf('--archive')
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : join(app.getPath('userData'), 'archive')
}

// ── the engine process ──────────────────────────────────────────────────────────────────────────

async function openExternal(url: string): Promise<void> {
  // Checked again here: main is the last door before the system browser.
  const checked = checkExternalUrl(url)
  if (!checked.ok) throw new AppError('invalid_argument', checked.reason)
  await shell.openExternal(checked.url)
}

/** The engine's environment: in development, where better-sqlite3 built for Electron is. */
function engineEnv(): NodeJS.ProcessEnv {
  if (app.isPackaged || process.env[SQLITE_BINDING_ENV]) return process.env
  const binding = electronBindingPath(app.getAppPath(), process.versions.electron)
  return existsSync(binding) ? { ...process.env, [SQLITE_BINDING_ENV]: binding } : process.env
}

interface Engine {
  process: UtilityProcess
  client: EngineClient
}

function forkEngine(onUnexpectedExit: (code: number) => void): Engine {
  const child = utilityProcess.fork(join(import.meta.dirname, 'engine.js'), [], { serviceName: 'Arshif engine', stdio: 'inherit', env: engineEnv() })
  const client = new EngineClient(
    { post: (m) => child.postMessage(m), listen: (onMessage) => child.on('message', (m: FromEngine) => onMessage(m)) },
    { printPdf: printPdfInHiddenWindow, openExternal },
  )
  child.on('exit', (code) => {
    client.stopped('The archive engine stopped unexpectedly; it is being restarted. Try again in a moment.')
    onUnexpectedExit(code)
  })
  return { process: child, client }
}

function startupHint(message: string): string {
  // A development checkout whose better-sqlite3 is built for Node only.
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(message)) return `${message}\n\nRun: node scripts/native.js electron`
  return message
}

// ── window and menu ─────────────────────────────────────────────────────────────────────────────

function createWindow(): BrowserWindow {
  const primary = screen.getPrimaryDisplay()
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea)
  const state = fitToDisplays(loadWindowState(windowStateFile()), workAreas)
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'أرشيف — Arshif',
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  if (state.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())
  win.on('close', () => {
    try {
      saveWindowState(windowStateFile(), { ...win.getNormalBounds(), maximized: win.isMaximized() })
    } catch (e) {
      console.error('[arshif] the window state could not be saved:', e)
    }
  })
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(rendererFile)
  return win
}

function setMenu(locale: Locale): void {
  const target = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const template = buildMenuTemplate({
    locale,
    platform: process.platform,
    dev: !app.isPackaged,
    command: (command: MenuCommand) => target()?.webContents.send(COMMAND_CHANNEL, command),
    about: () => {
      const win = target()
      const box = { type: 'info' as const, ...aboutText(locale, app.getVersion()) }
      void (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box))
    },
  })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

// ── start ───────────────────────────────────────────────────────────────────────────────────────

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit()
  await app.whenReady()
  lockDown(rendererUrl)

  const init = { archiveDir: archiveDir(), resourcesDir, version: app.getVersion() }
  let quitting = false
  let restarts = 0
  const launch = (): Engine =>
    forkEngine((code) => {
      if (quitting) return
      console.error(`[arshif] the engine process exited (code ${code})`)
      if (++restarts > 3) {
        dialog.showErrorBox('Arshif — أرشيف', 'The archive engine keeps stopping. Arshif will close; your archive is safe on disk.')
        return app.quit()
      }
      engine = launch()
      engine.client.start(init).catch((e) => console.error('[arshif] the engine could not restart:', e))
    })
  let engine = launch()
  try {
    // Opening the archive (and, the first time, loading the sample) happens in the engine.
    await engine.client.start(init)
  } catch (e) {
    quitting = true
    dialog.showErrorBox('Arshif — أرشيف', startupHint((e as Error).message))
    engine.process.kill()
    return app.quit()
  }

  const settings = await engine.client.call('settings.get', {})
  setMenu(settings.ok ? (settings.value as Settings).locale : 'ar')

  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, args: unknown): Promise<Envelope> => {
    // Only our own page may call the engine, never a frame that got loaded some other way.
    const frameUrl = event.senderFrame?.url ?? ''
    if (!isOwnUrl(frameUrl, rendererUrl)) return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the Arshif window only.' } }
    const envelope = await engine.client.call(method, args)
    // The menu speaks the UI's language.
    if (method === 'settings.set' && envelope.ok) setMenu((envelope.value as Settings).locale)
    return envelope
  })

  let win = createWindow()
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore()
    win.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) win = createWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // The engine closes the index and the archive before the app ends.
  let engineClosed = false
  app.on('will-quit', (event) => {
    if (engineClosed) return
    event.preventDefault()
    quitting = true
    void engine.client.close().finally(() => {
      engineClosed = true
      engine.process.kill()
      app.quit()
    })
  })
}

void start()
