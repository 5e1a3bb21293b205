// Side-by-side comparison of articles (issue #5). See types.ts for the shapes and their offsets.
export { compareArticles, articleSummary, type ComparedArticle } from './compare'
export { MIN_PASSAGE_WORDS } from './passages'
export { findSimilar, moreLikeThisQuery, type CandidateSearch } from './similar'
export { comparisonHtml, exportComparison } from './export'
export type * from './types'
