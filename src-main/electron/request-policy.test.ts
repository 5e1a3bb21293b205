import { describe, expect, it } from 'vitest'
import { isAllowedRequest } from './request-policy'

const built = 'file:///opt/Arshif/resources/app.asar/out/renderer/'
const dev = 'http://localhost:5173/'

describe('what the desktop window may load', () => {
  it('loads its own page and assets, data: URLs and the developer tools', () => {
    expect(isAllowedRequest(`${built}index.html`, built)).toBe(true)
    expect(isAllowedRequest(`${built}assets/noto-naskh-arabic.woff2`, built)).toBe(true)
    expect(isAllowedRequest('data:font/woff2;base64,AAAA', built)).toBe(true)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', built)).toBe(true)
  })

  it('refuses a dropped file, the network and other local files', () => {
    expect(isAllowedRequest('file:///home/user/Downloads/article.html', built)).toBe(false)
    expect(isAllowedRequest('file:///etc/passwd', built)).toBe(false)
    expect(isAllowedRequest('https://example.com/tracker.png', built)).toBe(false)
    expect(isAllowedRequest('http://localhost:5173/', built)).toBe(false)
    expect(isAllowedRequest('ws://localhost:5173/', built)).toBe(false)
  })

  it('in development, allows the dev server and its hot-reload socket only', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/?token=x', dev)).toBe(true)
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false)
    expect(isAllowedRequest('ws://evil.example/', dev)).toBe(false)
  })
})
