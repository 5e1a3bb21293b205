// Which URLs the desktop window may load: pure functions, so the rules are tested without Electron.

export function isOwnUrl(url: string, rendererUrl: string): boolean {
  return url.startsWith(rendererUrl)
}

/**
 * Whether the window may load a URL: our own page and its assets (and, in development, the dev
 * server's hot-reload socket), data: URLs (fonts, images we made) and the developer tools. A file
 * dropped on the window, a link in an article, anything on the network: no.
 */
export function isAllowedRequest(url: string, rendererUrl: string): boolean {
  if (isOwnUrl(url, rendererUrl) || url.startsWith('data:') || url.startsWith('devtools://')) return true
  if (rendererUrl.startsWith('http://')) return isOwnUrl(url, `ws://${rendererUrl.slice('http://'.length)}`)
  return false
}
