// Arabic date extraction for the timeline. See README.md in this folder for the rules.
export { extractDates } from './extract'
export { sentenceAround, type Span } from './sentence'
export { resolveRelative, parseReference } from './relative'
export { gregorianToHijri, hijriToGregorian } from './hijri'
export { toTimelinePrecision } from './timeline-format'
export type { Calendar, DateMention, ExtractOptions, Part, Precision, RelSpec } from './types'
