import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Locale } from '@contract'
import { call } from '../api/client'

export const useSettingsStore = defineStore('settings', () => {
  const locale = ref<Locale>('ar')
  const archiveDir = ref('')
  const articleCount = ref(0)

  async function load(): Promise<void> {
    const [settings, info] = await Promise.all([call('settings.get'), call('app.info')])
    locale.value = settings.locale
    archiveDir.value = info.archiveDir
    articleCount.value = info.articleCount
  }

  /** Saves the choice in the archive so the next start opens in the same language. */
  async function setLocale(next: Locale): Promise<void> {
    locale.value = next
    locale.value = (await call('settings.set', { locale: next })).locale
  }

  return { locale, archiveDir, articleCount, load, setLocale }
})
