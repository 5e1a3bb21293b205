import { describe, expect, it } from 'vitest'
import { JobRegistry } from './jobs'
import { AppError } from './errors'

describe('JobRegistry', () => {
  it('reports progress while running, then the result', async () => {
    const jobs = new JobRegistry()
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const { id, state } = jobs.start('count', async ({ progress }) => {
      progress({ done: 3, total: 10 })
      await gate
      return 42
    })
    expect(state).toBe('running')
    await new Promise((r) => setTimeout(r, 10))
    expect(jobs.get(id).progress).toMatchObject({ done: 3, total: 10 })
    release()
    const end = await jobs.wait(id)
    expect(end).toMatchObject({ state: 'done', result: 42, error: null })
  })

  it('ends as cancelled when asked to stop', async () => {
    const jobs = new JobRegistry()
    const { id } = jobs.start('slow', async ({ signal }) => {
      while (!signal.aborted) await new Promise((r) => setTimeout(r, 5))
      throw new AppError('cancelled', 'Stopped.')
    })
    await new Promise((r) => setTimeout(r, 10))
    jobs.cancel(id)
    expect((await jobs.wait(id)).state).toBe('cancelled')
  })

  it('keeps a failure with its code and message', async () => {
    const jobs = new JobRegistry()
    const { id } = jobs.start('bad', async () => {
      throw new AppError('unsupported_file', 'Not an article.')
    })
    expect(await jobs.wait(id)).toMatchObject({ state: 'failed', error: { code: 'unsupported_file', message: 'Not an article.' } })
  })

  it('says clearly when a job id is unknown', () => {
    expect(() => new JobRegistry().get('nope')).toThrow(/no job nope/)
  })
})
