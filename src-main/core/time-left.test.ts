import { describe, expect, it } from 'vitest'
import { TimeLeft } from './time-left'

describe('time left', () => {
  it('is not guessed from the slow start: only once work has gone on for a while, at its pace since then', () => {
    let now = 0
    const left = new TimeLeft(() => now)
    now = 500 // the first file, after the threads started
    expect(left.update(1, 10_000)).toBeUndefined()
    now = 700
    expect(left.update(400, 10_000)).toBeUndefined() // too early to say
    now = 1500 // 1,999 files in the second since the first: 4 s for the 8,000 left
    expect(left.update(2000, 10_000)).toBe(4)
    now = 3500
    expect(left.update(10_000, 10_000)).toBe(0)
  })

  it('says it early for a small batch, once a tenth is done', () => {
    let now = 0
    const left = new TimeLeft(() => now)
    now = 100
    expect(left.update(1, 20)).toBeUndefined()
    now = 200
    expect(left.update(3, 20)).toBe(1) // 2 files in 0.1 s: 17 left, 0.85 s
  })

  it('starts again when the count goes back (a new pass)', () => {
    let now = 0
    const left = new TimeLeft(() => now)
    left.update(5, 10)
    now = 5000
    expect(left.update(2, 10)).toBeUndefined()
    now = 6000
    expect(left.update(4, 10)).toBe(3)
  })
})
