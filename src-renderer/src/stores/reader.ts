// The article being read.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Article } from '../../../src-main/core/model'
import { call } from '../api/client'

export const useReaderStore = defineStore('reader', () => {
  const article = ref<Article | null>(null)
  const loading = ref(false)
  const error = ref<Error | null>(null)

  async function open(id: number): Promise<void> {
    if (article.value?.id === id) return
    loading.value = true
    error.value = null
    try {
      article.value = await call('articles.get', { id })
    } catch (e) {
      article.value = null
      error.value = e as Error
    } finally {
      loading.value = false
    }
  }

  return { article, loading, error, open }
})
