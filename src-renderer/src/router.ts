import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import ArchiveView from './views/ArchiveView.vue'

const queryText = (v: unknown) => (typeof v === 'string' ? v : '')

// Hash history: the same build works from file:// in the desktop window and over http in serve mode.
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'archive', component: ArchiveView },
  // `?q=` (from a search hit): the query's words are highlighted in the article; `?at=<start>-<end>`
  // (from a timeline event): that sentence of the body is highlighted and scrolled to.
  { path: '/article/:id(\\d+)', name: 'article', component: () => import('./views/ArticleView.vue'), props: (r) => ({ id: Number(r.params.id), q: queryText(r.query.q), at: queryText(r.query.at) }) },
  { path: '/search', name: 'search', component: () => import('./views/SearchView.vue') },
  // `?a=1&b=2` compares two articles side by side; `?base=1&others=2,3,4` one against several.
  { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue'), props: (r) => ({ a: queryText(r.query.a), b: queryText(r.query.b), base: queryText(r.query.base), others: queryText(r.query.others) }) },
  // `?q=` builds a timeline from a search, `?ids=1,2,3` from picked articles, `?collection=4` from a
  // collection; `/timeline/<id>` is a saved timeline.
  { path: '/timeline', name: 'timeline', component: () => import('./views/TimelineView.vue'), props: (r) => ({ q: queryText(r.query.q), ids: queryText(r.query.ids), collection: queryText(r.query.collection) }) },
  { path: '/timeline/:id(\\d+)', name: 'timeline-saved', component: () => import('./views/TimelineView.vue'), props: (r) => ({ id: Number(r.params.id) }) },
  { path: '/import', name: 'import', component: () => import('./views/ImportView.vue') },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue') },
]

export const router = createRouter({ history: createWebHashHistory(), routes })
