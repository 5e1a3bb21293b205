// The archive list: one page of article summaries at a time, in the chosen order.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ArticleSummary } from '../../../src-main/core/model'
import { call } from '../api/client'

export type ArticleSort = 'date_desc' | 'date_asc' | 'added_desc' | 'title'
export const PAGE_SIZE = 25

export const useArchiveStore = defineStore('archive', () => {
  const items = ref<ArticleSummary[]>([])
  const total = ref(0)
  const page = ref(1)
  const sort = ref<ArticleSort>('date_desc')
  const loading = ref(false)
  const error = ref<Error | null>(null)

  const pages = computed(() => Math.max(1, Math.ceil(total.value / PAGE_SIZE)))

  let latest = 0
  async function load(nextPage = page.value): Promise<void> {
    const ticket = ++latest
    loading.value = true
    error.value = null
    try {
      const result = await call('articles.list', { limit: PAGE_SIZE, offset: (nextPage - 1) * PAGE_SIZE, sort: sort.value })
      if (ticket !== latest) return // a newer request answers instead
      items.value = result.items
      total.value = result.total
      page.value = nextPage
    } catch (e) {
      if (ticket === latest) error.value = e as Error
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  async function setSort(next: ArticleSort): Promise<void> {
    sort.value = next
    await load(1)
  }

  return { items, total, page, pages, sort, loading, error, load, setSort }
})
