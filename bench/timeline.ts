// npm run bench:timeline — how fast timelines are made, each figure beside a baseline run in the same process:
//   1. date extraction over all SaudiNewsNet articles (target ≤ 30 s), against a bare regular-expression
//      pass over the same text (4-digit years and d/m/y numbers: what the cheapest extractor would do),
//      then the whole timeline (events with labels, merged and ordered) over the same articles;
//   2. a 300-event timeline printed to PDF (target ≤ 5 s), against the same document printed without
//      the embedded fonts. Both include starting Chromium and run until the PDF is in hand (Chromium
//      shuts down behind it, as in the app).
//   --runs N   PDF runs each (default 3; the median is shown, then every run)
// Figures are wall-clock on a shared machine: compare the ratios, not the absolute times.
import { parseArgs } from 'node:util'
import { loadSaudiNewsNet, requireCorpus } from './corpus'
import { extractDates } from '../src-main/core/timeline'
import { buildTimeline, type TimelineArticle } from '../src-main/core/timeline/events'
import type { Timeline } from '../src-main/core/timeline/events-types'
import { timelineHtml } from '../src-main/core/timeline/export'
import { printPdfWithChromium } from '../src-main/core/pdf'

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } })
const runs = Math.max(1, Number(args.runs))
requireCorpus()

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const row = (cells: (string | number)[]) => console.log(cells.map((c, i) => String(c).padEnd(i === 0 ? 38 : 18)).join(''))

console.log('Loading SaudiNewsNet …')
const records = await loadSaudiNewsNet()
const articles: TimelineArticle[] = records.map((r, i) => ({
  id: i + 1,
  title: r.title,
  body: r.content.split('\n').map((p) => p.trim()).filter(Boolean).join('\n\n'),
  source: r.source,
  date: r.date_extracted.slice(0, 10),
  datePrecision: 'day',
}))
const chars = articles.reduce((n, a) => n + a.body.length, 0)
console.log(`${articles.length} articles, ${(chars / 1e6).toFixed(1)} M characters (node ${process.version})\n`)

// ── 1. extraction ─────────────────────────────────────────────────────────────────────────────
const BARE = /(?:^|[^\d])(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|(?:19|20|14)\d{2})(?!\d)/g
let t = performance.now()
let bareHits = 0
for (const a of articles) for (const _ of a.body.matchAll(BARE)) bareHits++
const tBare = performance.now() - t

t = performance.now()
let mentions = 0
for (const a of articles) mentions += extractDates(a.body, { referenceDate: a.date ?? undefined }).length
const tExtract = performance.now() - t

t = performance.now()
const whole = buildTimeline(articles, { name: 'SaudiNewsNet', scope: {} })
const tTimeline = performance.now() - t

row(['', 'time', 'found', 'ratio to baseline'])
row(['bare regex (baseline)', seconds(tBare), `${bareHits} numbers`, '1.0'])
row(['extractDates (target ≤ 30 s)', seconds(tExtract), `${mentions} mentions`, (tExtract / tBare).toFixed(1)])
row(['whole timeline: labels, merge, order', seconds(tTimeline), `${whole.events.length} events`, (tTimeline / tBare).toFixed(1)])
console.log(`  extractDates: ${Math.round(articles.length / (tExtract / 1000))} articles/s, ${Math.round(mentions / (tExtract / 1000))} mentions/s\n`)

// ── 2. a 300-event PDF ───────────────────────────────────────────────────────────────────────
// The 300 events citing the most articles: real labels and real numbers of sources.
const top = [...whole.events].sort((a, b) => b.sources.length - a.sources.length || a.key.localeCompare(b.key)).slice(0, 300)
const timeline: Timeline = { name: 'الخط الزمني لأخبار صيف 2015', scope: {}, events: top, range: { from: '', to: '' } }
const sources = new Set(top.flatMap((e) => e.sources.map((s) => s.articleId))).size

const withFonts = { html: timelineHtml(timeline) }
const bare = { html: timelineHtml(timeline, { embedFonts: false }) }
const times = { fonts: [] as number[], bare: [] as number[] }
let pages = 0
for (let i = 0; i < runs; i++) {
  for (const [kind, doc] of [['bare', bare], ['fonts', withFonts]] as const) {
    const started = performance.now()
    const pdf = await printPdfWithChromium(doc.html)
    times[kind].push(performance.now() - started)
    if (kind === 'fonts') pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0
  }
}
console.log(`PDF of ${top.length} events citing ${sources} articles (${pages || '?'} pages), median of ${runs} runs:`)
row(['', 'time', 'HTML size', 'ratio to baseline'])
row(['without fonts (baseline)', seconds(median(times.bare)), `${(Buffer.byteLength(bare.html) / 1024).toFixed(0)} KB`, '1.0'])
row(['embedded fonts (target ≤ 5 s)', seconds(median(times.fonts)), `${(Buffer.byteLength(withFonts.html) / 1024).toFixed(0)} KB`, (median(times.fonts) / median(times.bare)).toFixed(2)])
console.log(`  every run, without fonts: ${times.bare.map(seconds).join(', ')}; with fonts: ${times.fonts.map(seconds).join(', ')}`)
