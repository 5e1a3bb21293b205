// Serves the built renderer. Only files inside its folder, with the same strict CSP the desktop
// window uses, and index.html for the app's entry.
import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../core/security'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

export function serveStatic(root: string, urlPath: string, req: IncomingMessage, res: ServerResponse): void {
  const rel = urlPath === '/' ? 'index.html' : decodeURIComponent(urlPath).replace(/^\/+/, '')
  const file = normalize(join(root, rel))
  const type = TYPES[extname(file).toLowerCase()]
  let size = -1
  if (file.startsWith(root.endsWith(sep) ? root : root + sep) && type) {
    try {
      const st = statSync(file)
      if (st.isFile()) size = st.size
    } catch {
      /* not there */
    }
  }
  if (size < 0) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('Not found')
    return
  }
  res.writeHead(200, {
    'Content-Type': type!,
    'Content-Length': size,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': rel === 'index.html' ? 'no-cache' : 'max-age=3600',
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}
