import type ar from './ar'

const en: typeof ar = {
  app: { name: 'Arshif', tagline: 'Arabic news archive', skip: 'Skip to content' },
  nav: { archive: 'Archive', search: 'Search', compare: 'Compare', timeline: 'Timeline', import: 'Import', main: 'Main navigation' },
  language: { switchTo: 'العربية', label: 'Language' },
  archive: {
    title: 'Archive',
    count: 'no articles | one article | {n} articles',
    empty: 'The archive is empty. Import articles to begin.',
    sort: 'Sort',
    sorts: { date_desc: 'Newest first', date_asc: 'Oldest first', added_desc: 'Recently added', title: 'Title' },
    page: 'Page {page} of {pages}',
    previous: 'Previous',
    next: 'Next',
    noDate: 'Undated',
    noSource: 'Unknown source',
  },
  article: {
    back: 'Back to the archive',
    by: 'By {author}',
    derivedTitle: 'Title taken from the opening of the text',
    source: 'Source',
    date: 'Date',
    author: 'Author',
    link: 'Original link',
    tags: 'Tags',
  },
  reserved: {
    search: 'Search is being built: it is coming with an Arabic analyzer that ignores diacritics and folds hamza forms.',
    compare: 'Side-by-side comparison is being built.',
    timeline: 'Timelines and their PDF export are being built.',
    import: 'Importing from the window is being built. For now use: arshif import <paths>',
  },
  status: { articles: '{n} articles in the archive', loading: 'Loading…' },
  errors: {
    title: 'That did not work',
    retry: 'Try again',
    not_found: 'What you asked for was not found.',
    unauthorized: 'The access token is missing or wrong. Open the address that “arshif serve” printed.',
    internal: 'Something unexpected went wrong.',
    generic: 'Something went wrong.',
  },
  notFound: 'This page does not exist.',
}
export default en
