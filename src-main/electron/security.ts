// Locks the desktop app down: no navigation away from our page, no new windows, no permissions,
// and no request to anything but our own files. Applied to every web contents ever created.
import { app, session, type WebContents } from 'electron'

export function isOwnUrl(url: string, rendererUrl: string): boolean {
  return url.startsWith(rendererUrl)
}

export function lockDown(rendererUrl: string): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  // The offline promise: nothing leaves the machine, whatever an article or a bug tries.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith('file://') || details.url.startsWith('devtools://') || isOwnUrl(details.url, rendererUrl) || details.url.startsWith('data:')
    callback({ cancel: !allowed })
  })

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnUrl(url, rendererUrl)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isOwnUrl(url, rendererUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}
