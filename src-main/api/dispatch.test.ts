import { describe, expect, it, vi } from 'vitest'
import { AppError } from '../core/errors'
import { Archive } from '../core/archive/archive'
import { tempDir } from '../../test-support/tmp'
import { article } from '../../test-support/articles'
import { dispatch } from './dispatch'
import { createHandlers } from './handlers'
import { METHODS, type Handlers } from './contract'
import { JobRegistry } from '../core/jobs'

const archive = Archive.open(tempDir())
archive.addArticles([article(1), article(2), article(3)], null)
const handlers = createHandlers({ archive, host: 'serve', version: '1.2.3', jobs: new JobRegistry() })
const quiet = () => {}

describe('dispatch: the API door', () => {
  it('answers a valid call, filling in defaults', async () => {
    const res = await dispatch(handlers, 'articles.list', {}, quiet)
    expect(res).toMatchObject({ ok: true, value: { total: 3 } })
    if (res.ok) expect((res.value as { items: unknown[] }).items).toHaveLength(3)
  })

  it('refuses an unknown method by name', async () => {
    const res = await dispatch(handlers, 'articles.drop', {}, quiet)
    expect(res).toEqual({ ok: false, error: { code: 'unknown_method', message: 'Unknown API method: articles.drop.' } })
  })

  it('does not mistake inherited object keys for methods', async () => {
    const res = await dispatch(handlers, 'constructor', {}, quiet)
    expect(res.ok === false && res.error.code).toBe('unknown_method')
  })

  it.each([
    ['a wrong type', 'articles.get', { id: 'seven' }, 'id'],
    ['a missing argument', 'articles.get', {}, 'id'],
    ['an unexpected argument', 'articles.list', { limit: 5, drop: true }, '(arguments)'],
    ['a value out of range', 'articles.list', { limit: 100000 }, 'limit'],
    ['an unknown enum value', 'settings.set', { locale: 'fr' }, 'locale'],
    ['a non-object', 'articles.list', [1, 2], '(arguments)'],
  ])('refuses %s with the field it concerns', async (_what, method, args, field) => {
    const res = await dispatch(handlers, method, args, quiet)
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('invalid_argument')
      expect(res.error.issues?.map((i) => i.path)).toContain(field)
      expect(res.error.message).toContain(method)
    }
  })

  it('passes a typed error through with its readable message', async () => {
    const res = await dispatch(handlers, 'articles.get', { id: 424242 }, quiet)
    expect(res).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no article 424242 in this archive.' } })
  })

  it('hides an unexpected failure behind a plain message and logs the details', async () => {
    const log = vi.fn()
    const broken = { ...handlers, 'sources.list': () => { throw new TypeError('secret internals at /home/x/file.ts:12') } } as Handlers
    const res = await dispatch(broken, 'sources.list', {}, log)
    expect(res.ok).toBe(false)
    if (!res.ok) {
      expect(res.error.code).toBe('internal')
      expect(res.error.message).not.toMatch(/secret|file\.ts|TypeError/)
    }
    expect(log).toHaveBeenCalledOnce()
  })

  it('keeps AppError codes from handlers', async () => {
    const failing = { ...handlers, 'app.info': () => { throw new AppError('archive_corrupt', 'The archive is damaged.') } } as Handlers
    expect(await dispatch(failing, 'app.info', {}, quiet)).toEqual({ ok: false, error: { code: 'archive_corrupt', message: 'The archive is damaged.' } })
  })

  it('has a handler for every method of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...METHODS].sort())
  })

  it('saves settings and reads them back', async () => {
    expect(await dispatch(handlers, 'settings.get', {}, quiet)).toEqual({ ok: true, value: { locale: 'ar' } })
    expect(await dispatch(handlers, 'settings.set', { locale: 'en' }, quiet)).toEqual({ ok: true, value: { locale: 'en' } })
    expect(await dispatch(handlers, 'settings.get', undefined, quiet)).toEqual({ ok: true, value: { locale: 'en' } })
  })
})
