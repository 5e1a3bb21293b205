// Arabic text analysis for Arshif's search: normalization, tokenization with original offsets,
// stopwords, a light stemmer, and the analyzer that puts them together for MiniSearch.
export { normalize, type NormalizeOptions } from './normalize'
export { tokenize, tokenizeWords, forEachWord, type Token } from './tokenize'
export { ARABIC_STOPWORDS, isStopword } from './stopwords'
export { stem, isWawRootWord, type StemOptions } from './stem'
export {
  analyze,
  processTerm,
  normalizeQueryTerm,
  expandQueryTerm,
  createAnalyzer,
  miniSearchAnalysis,
  ANALYZER_ID,
  type Analyzer,
  type AnalyzerOptions,
  type AnalyzedTerm,
} from './analyzer'
