import { describe, expect, it } from 'vitest'
import { coveredRange, groupEvents, periodLabel, type Group } from './timeline-groups'
import type { DatedLike } from './timeline-dates'

interface E extends DatedLike {
  label: string
}
const ev = (label: string, date: string, precision: E['precision'], part?: E['part']): E => ({ label, date, precision, part })

const events: E[] = [
  ev('opening', '2025-07-02', 'day'),
  ev('cabinet', '2023-02-21', 'day'),
  ev('summer', '2025-07', 'month'),
  ev('contract', '2023-06-08', 'day'),
  ev('late', '2024', 'part', 'late'),
  ev('delay', '2024-09-24', 'day'),
  ev('whole year', '2024', 'year'),
  ev('old', '2019-05-01', 'day'),
  ev('undated', '', 'day'),
]

/** The outline as a person reads it: heading, then "subheading: labels". */
const outline = (groups: Group<E>[]) =>
  groups.map((g) => [periodLabel(g.period, 'en') || 'undated', ...g.subgroups.map((s) => `${periodLabel(s.period, 'en') || 'undated'}: ${s.events.map((e) => e.label).join(', ')}`)])

describe('timeline groups', () => {
  it('year zoom: years, then months; a year or a part of one is not put in a month, and goes before the month it starts with', () => {
    expect(outline(groupEvents(events, 'year'))).toEqual([
      ['2019', 'May 2019: old'],
      ['2023', 'February 2023: cabinet', 'June 2023: contract'],
      ['2024', '2024: whole year', 'Late 2024: late', 'September 2024: delay'],
      ['2025', 'July 2025: summer, opening'],
      ['undated', 'undated: undated'],
    ])
  })

  it('decade zoom: decades, then years', () => {
    expect(outline(groupEvents(events, 'decade'))).toEqual([
      ['2010–2019', '2019: old'],
      ['2020–2029', '2023: cabinet, contract', '2024: whole year, late, delay', '2025: summer, opening'],
      ['undated', 'undated: undated'],
    ])
  })

  it('month zoom: months, then days; a month-precision event gets the month, not a day', () => {
    const groups = outline(groupEvents(events, 'month'))
    expect(groups).toContainEqual(['July 2025', 'July 2025: summer', '2 July 2025: opening'])
    expect(groups).toContainEqual(['2024', '2024: whole year'])
    expect(groups).toContainEqual(['Late 2024', 'Late 2024: late'])
    expect(groups.map((g) => g[0])).toEqual(['May 2019', 'February 2023', 'June 2023', '2024', 'Late 2024', 'September 2024', 'July 2025', 'undated'])
  })

  it('counts the events of each group', () => {
    expect(groupEvents(events, 'year').map((g) => g.count)).toEqual([1, 2, 3, 2, 1])
    expect(groupEvents([], 'year')).toEqual([])
  })

  it('covers from the first day of the earliest to the last of the latest', () => {
    expect(coveredRange(events)).toEqual({ from: '2019-05-01', to: '2025-07-31' })
    expect(coveredRange([ev('x', '', 'day')])).toEqual({ from: '', to: '' })
  })
})
