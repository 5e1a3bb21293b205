// npm run eval:qa — search quality of the Arabic analyzer on a public question → paragraph task.
// ARCD + XQuAD (SQuAD v1.1 format) are pooled: every paragraph is a document (705), every question
// (2,585) a query whose one relevant document is its own paragraph. We report MRR@10 and recall@10
// of MiniSearch (default search options: OR, BM25 k=1.2 b=0.7 d=0.5) with its own analysis and with
// ours, step by step, in the same process. ARCD and XQuAD are also shown apart: a rule that only
// helps one of them is suspect.
//   --only TEXT   run only the variants whose name contains TEXT
//   --waw         also check the stemmer's و rule on the SaudiNewsNet vocabulary (reads 18 zips, ~10 s)
import { parseArgs } from 'node:util'
import MiniSearch, { type Options, type SearchOptions } from 'minisearch'
import { stemmer as snowballArabic } from '@orama/stemmers/arabic'
import { CORPUS_DIR } from './corpus'
import { loadQaSets, printTable } from './qa-sets'
import { createAnalyzer, normalize, stem, tokenizeWords, ARABIC_STOPWORDS, type Analyzer, type StemOptions } from '../src-main/core/arabic'

const { values: args } = parseArgs({ options: { only: { type: 'string' }, waw: { type: 'boolean', default: false } } })

interface Doc {
  id: number
  text: string
}
interface Question {
  text: string
  doc: number
  set: 'ARCD' | 'XQuAD'
}

const qa = loadQaSets()
const docs: Doc[] = qa.paragraphs.map((text, id) => ({ id, text }))
const questions: Question[] = qa.questions.map((q) => ({ text: q.text, doc: q.paragraph, set: q.set }))

// Reference: Lucene's ArabicStemmer as published (prefixes ال وال بال كال فال لل و, one of them;
// suffixes ها ان ات ون ين يه ية ه ة ي, each once in that order; و needs 4 letters, the rest leave 2),
// on our normalization and stopwords, so that the row differs from ours by the stemmer only.
const LUCENE_PREFIXES = ['ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'و']
const LUCENE_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ية', 'ه', 'ة', 'ي'].map((s) => normalize(s))
function luceneStem(word: string): string {
  let s = word
  const prefix = LUCENE_PREFIXES.find((p) => s.startsWith(p) && s.length >= (p.length === 1 ? 4 : p.length + 2))
  if (prefix) s = s.slice(prefix.length)
  for (const suffix of LUCENE_SUFFIXES) if (s.endsWith(suffix) && s.length >= suffix.length + 2) s = s.slice(0, -suffix.length)
  return s
}
const luceneProcessTerm = (word: string): string | null => {
  const w = normalize(word)
  if (!w || ARABIC_STOPWORDS.has(w)) return null
  return luceneStem(w)
}

// Snowball's Arabic stemmer (@orama/stemmers) on the same normalization and stopwords. Snowball
// normalizes on its own; it is given our normalized word, as the Lucene port is.
const snowballProcessTerm = (word: string): string | null => {
  const w = normalize(word)
  if (!w || ARABIC_STOPWORDS.has(w)) return null
  return normalize(snowballArabic(w)) || w
}

interface Variant {
  name: string
  options: Partial<Options<Doc>>
  search?: SearchOptions
}

const analysis = (a: Analyzer) => ({ tokenize: a.tokenize, processTerm: a.processTerm })
const withStem = (stem: StemOptions) => createAnalyzer({ stem })
const ours = createAnalyzer()

const VARIANTS: Variant[] = [
  { name: 'MiniSearch defaults', options: {} },
  { name: 'normalize only', options: analysis(createAnalyzer({ stopwords: false, stem: false })) },
  { name: 'normalize + stopwords', options: analysis(createAnalyzer({ stem: false })) },
  { name: 'Lucene ArabicStemmer (port) + same normalize/stopwords', options: { tokenize: tokenizeWords, processTerm: luceneProcessTerm } },
  { name: 'Snowball Arabic (@orama/stemmers) + same normalize/stopwords', options: { tokenize: tokenizeWords, processTerm: snowballProcessTerm } },
  { name: 'our stemmer, but bare و always stripped (Lucene rule)', options: analysis(withStem({ waw: 'lucene' })) },
  { name: 'our stemmer, but bare و never stripped', options: analysis(withStem({ waw: 'never' })) },
  { name: 'our stemmer (و-root guard) = index analysis', options: analysis(ours) },
  { name: 'ours + query alternatives for ب/ل/ك (expandQueryTerm)', options: analysis(ours), search: { processTerm: ours.expandQueryTerm } },
]

interface Score {
  mrr: number
  recall: number
  n: number
}

function evaluate(v: Variant): Map<string, Score> {
  const index = new MiniSearch<Doc>({ fields: ['text'], ...v.options })
  index.addAll(docs)
  const scores = new Map<string, Score>()
  const add = (key: string, rr: number) => {
    const s = scores.get(key) ?? { mrr: 0, recall: 0, n: 0 }
    s.mrr += rr
    s.recall += rr > 0 ? 1 : 0
    s.n++
    scores.set(key, s)
  }
  for (const q of questions) {
    const rank = index
      .search(q.text, v.search)
      .slice(0, 10)
      .findIndex((hit) => hit.id === q.doc)
    const rr = rank < 0 ? 0 : 1 / (rank + 1)
    add('all', rr)
    add(q.set, rr)
  }
  for (const s of scores.values()) {
    s.mrr /= s.n
    s.recall /= s.n
  }
  return scores
}

const f3 = (x: number) => x.toFixed(3)
console.log(`ARCD + XQuAD: ${docs.length} paragraphs, ${questions.length} questions (corpus: ${CORPUS_DIR})\n`)
const rows: string[][] = []
for (const v of VARIANTS) {
  if (args.only && !v.name.includes(args.only)) continue
  const t0 = performance.now()
  const s = evaluate(v)
  const all = s.get('all')!
  rows.push([v.name, f3(all.mrr), f3(all.recall), f3(s.get('ARCD')!.mrr), f3(s.get('XQuAD')!.mrr), (performance.now() - t0).toFixed(0)])
}
printTable(['variant', 'MRR@10', 'R@10', 'ARCD MRR', 'XQuAD MRR', 'ms'], rows)
console.log('\nCorpus README for reference: defaults 0.699/0.853, normalization+stopwords 0.772/0.918, Lucene-style stemmer 0.815/0.944.')

if (args.waw) await checkWawRule()

/**
 * The و rule on real news vocabulary, with silver labels from the corpus itself. For a frequent
 * word و+R (not وال…): if R (or الR) is itself common, the و is the conjunction and the word should
 * meet R's stem; if R almost never occurs, the و is a root letter (وزير، وطني، وكالة) and the word
 * should meet the stem of its ال form. Share of occurrences handled right, per rule.
 */
async function checkWawRule(): Promise<void> {
  const { loadSaudiNewsNet } = await import('./corpus')
  const counts = new Map<string, number>()
  for (const r of await loadSaudiNewsNet()) {
    for (const w of tokenizeWords(r.title + '\n' + r.content)) {
      const n = normalize(w)
      counts.set(n, (counts.get(n) ?? 0) + 1)
    }
  }
  const count = (w: string) => counts.get(w) ?? 0
  const table: string[][] = []
  for (const waw of ['lucene', 'never', 'roots'] as const) {
    let rootOk = 0
    let rootAll = 0
    let conjOk = 0
    let conjAll = 0
    for (const [word, n] of counts) {
      if (n < 30 || word.length < 4 || word[0] !== 'و' || word.startsWith('وال') || word.startsWith('ولل')) continue
      const rest = word.slice(1)
      const restCount = count(rest) + count('ال' + rest)
      if (restCount >= 0.2 * n) {
        conjAll += n
        if (stem(word, { waw }) === stem(rest, { waw })) conjOk += n
      } else if (restCount <= 0.01 * n) {
        rootAll += n
        if (stem(word, { waw }) === stem('ال' + word, { waw })) rootOk += n
      }
    }
    table.push([waw, f3(rootOk / rootAll), f3(conjOk / conjAll), f3((rootOk + conjOk) / (rootAll + conjAll))])
  }
  console.log('\nو rule on SaudiNewsNet (words seen ≥ 30 times, weighted by occurrences):')
  printTable(['bare و', 'و of the root: word ~ الword', 'conjunction و: وword ~ word', 'both'], table)
}
