import { describe, expect, it } from 'vitest'
import { recogniseProblem } from './import-problems'

describe('recogniseProblem', () => {
  it('recognises the engine’s frequent sentences with their record number and values', () => {
    expect(recogniseProblem('This file looks like a binary file (not text), so it cannot be imported.')).toEqual({ record: null, message: { key: 'binary', params: {} } })
    expect(recogniseProblem('Record 12: The date "أمس" could not be read; the article has no date.')).toEqual({ record: '12', message: { key: 'badDate', params: { date: 'أمس' } } })
  })

  it('leaves any other sentence as it is', () => {
    expect(recogniseProblem('Record 2: Something new happened.')).toEqual({ record: '2', message: null })
  })
})
