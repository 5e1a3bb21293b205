// The desktop adapter: one window, the archive, and the IPC door into the engine. All the real
// work lives in src-main/core and is shared with the CLI and serve mode.
import { app, BrowserWindow, ipcMain } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Archive } from '../core/archive/archive'
import { isAppError } from '../core/errors'
import { loadSampleIfEmpty } from '../core/sample'
import { createHandlers } from '../api/handlers'
import { dispatch } from '../api/dispatch'
import { SearchService } from '../core/search/service'
import { IPC_CHANNEL } from '../api/channel'
import { lockDown, isOwnUrl } from './security'
import { JobRegistry } from '../core/jobs'

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererFile = join(import.meta.dirname, '../renderer/index.html')
const rendererUrl = devServerUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/')).href
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(import.meta.dirname, '../../resources')

function archiveDir(): string {
  const i = process.argv.indexOf('--archive')
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : join(app.getPath('userData'), 'archive')
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
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
  win.once('ready-to-show', () => win.show())
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(rendererFile)
  return win
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) return app.quit()
  await app.whenReady()
  lockDown(rendererUrl)

  let archive: Archive
  try {
    archive = Archive.open(archiveDir())
    loadSampleIfEmpty(archive, resourcesDir)
  } catch (e) {
    const { dialog } = await import('electron')
    dialog.showErrorBox('Arshif — أرشيف', isAppError(e) ? e.message : String(e))
    return app.quit()
  }

  // The index loads or builds in a worker thread: the window never waits for it.
  const search = new SearchService({ archiveDir: archive.dir, workerUrl: new URL('./search-worker.js', import.meta.url) })
  const handlers = createHandlers({ archive, host: 'electron', version: app.getVersion(), search, jobs: new JobRegistry(), resourcesDir })
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, args: unknown) => {
    // Only our own page may call the engine, never a frame that got loaded some other way.
    const frameUrl = event.senderFrame?.url ?? ''
    if (!isOwnUrl(frameUrl, rendererUrl)) return { ok: false, error: { code: 'forbidden', message: 'Calls are accepted from the Arshif window only.' } }
    return dispatch(handlers, method, args)
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
  app.on('will-quit', () => {
    void search.close()
    archive.close()
  })
}

void start()
