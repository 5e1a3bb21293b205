import { describe, expect, it } from 'vitest'
import { Archive } from '../../core/archive/archive'
import { JobRegistry } from '../../core/jobs'
import { tempDir } from '../../../test-support/tmp'
import { checkExternalUrl } from '../contracts/desktop'
import { createHandlers } from '../handlers'
import { dispatch } from '../dispatch'

describe('checkExternalUrl: which article links may leave the app', () => {
  it.each([
    ['https://www.example.com/news/2015/08/06/article?id=3#top', 'https://www.example.com/news/2015/08/06/article?id=3#top'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://Example.COM/a', 'https://example.com/a'],
    ['https://ar.wikipedia.org/wiki/سيول', 'https://ar.wikipedia.org/wiki/%D8%B3%D9%8A%D9%88%D9%84'],
    ['https://موقع.مثال/خبر', 'https://xn--4gbrim.xn--mgbh0fb/%D8%AE%D8%A8%D8%B1'],
  ])('opens %s (as %s)', (raw, href) => {
    expect(checkExternalUrl(raw)).toEqual({ ok: true, url: href })
  })

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(document.cookie)'],
    ['java\tscript:alert(1)'],
    ['file:///etc/passwd'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox'],
    ['ftp://example.com/file'],
    ['mailto:someone@example.com'],
    ['ms-settings:privacy'],
    ['arshif://open'],
    ['//example.com/a'],
    ['example.com'],
    ['https://user:secret@example.com/'],
    ['https://user@example.com/'],
    [' https://example.com/'],
    ['https://example.com/\nSet-Cookie: x'],
    ['https://exa mple.com/'],
    ['https://'],
    [''],
    ['https://example.com/' + 'a'.repeat(2048)],
  ])('refuses %j', (raw) => {
    expect(checkExternalUrl(raw).ok).toBe(false)
  })
})

describe('app.openExternal', () => {
  const archive = Archive.open(tempDir())
  const quiet = () => {}

  it('in serve mode, answers that the page should open the link itself', async () => {
    const handlers = createHandlers({ archive, host: 'serve', version: '0', jobs: new JobRegistry() })
    expect(await dispatch(handlers, 'app.openExternal', { url: 'https://example.com/a' }, quiet)).toEqual({ ok: true, value: { by: 'page', url: 'https://example.com/a' } })
  })

  it('in the desktop app, hands the checked link to the system browser', async () => {
    const opened: string[] = []
    const handlers = createHandlers({ archive, host: 'electron', version: '0', jobs: new JobRegistry(), openExternal: async (url) => void opened.push(url) })
    expect(await dispatch(handlers, 'app.openExternal', { url: 'HTTP://Example.com' }, quiet)).toEqual({ ok: true, value: { by: 'system', url: 'http://example.com/' } })
    expect(opened).toEqual(['http://example.com/'])
  })

  it('refuses a javascript: link before anything is opened', async () => {
    const opened: string[] = []
    const handlers = createHandlers({ archive, host: 'electron', version: '0', jobs: new JobRegistry(), openExternal: async (url) => void opened.push(url) })
    const res = await dispatch(handlers, 'app.openExternal', { url: 'javascript:alert(1)' }, quiet)
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: 'Only http and https links can be opened.' } })
    expect(opened).toEqual([])
  })
})
