// Locks the desktop app down: no navigation away from our page, no new windows, no permissions,
// and no request to anything but our own files. Applied to every web contents ever created.
import { app, session, type WebContents } from 'electron'
import { isAllowedRequest, isOwnUrl } from './request-policy'

export { isOwnUrl } from './request-policy'

export function lockDown(rendererUrl: string): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  // The offline promise: nothing leaves the machine, whatever an article or a bug tries.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url, rendererUrl) }))

  app.on('web-contents-created', (_event, contents: WebContents) => {
    // The app routes inside its page (hash history), which is not a navigation: every navigation
    // is refused, including the one Chromium starts when a file is dropped outside a drop zone.
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-frame-navigate', (event) => {
      if (!isOwnUrl(event.url, rendererUrl)) event.preventDefault()
    })
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}
