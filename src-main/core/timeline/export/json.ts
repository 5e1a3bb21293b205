// A timeline as JSON: its name, scope and range, and its visible events in order with their sources
// (article id, title, outlet, publication date, the mention's offsets in the body — paragraphs joined
// by "\n\n" — and the sentence around it). The same shapes as the API's (events-types.ts).
import { rangeOf } from '../events'
import type { Timeline } from '../events-types'
import { visibleEvents } from './html'

export function timelineJson(t: Pick<Timeline, 'name' | 'scope' | 'events'>): string {
  const events = visibleEvents(t)
  return JSON.stringify({ name: t.name, scope: t.scope, range: rangeOf(events), events }, null, 2) + '\n'
}
