import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo, Locale } from '@contract'
import { call } from '../api/client'

export const useSettingsStore = defineStore('settings', () => {
  const locale = ref<Locale>('ar')
  const archiveDir = ref('')
  const articleCount = ref(0)
  /** Set when the archive is damaged and the engine runs in recovery mode (App shows RecoveryScreen). */
  const recovery = ref<AppInfo['recovery'] | null>(null)

  async function load(): Promise<void> {
    const [settings, info] = await Promise.all([call('settings.get'), call('app.info')])
    locale.value = settings.locale
    archiveDir.value = info.archiveDir
    articleCount.value = info.articleCount
    recovery.value = info.recovery ?? null
  }

  /** Saves the choice in the archive so the next start opens in the same language. */
  async function setLocale(next: Locale): Promise<void> {
    locale.value = next
    locale.value = (await call('settings.set', { locale: next })).locale
  }

  return { locale, archiveDir, articleCount, recovery, load, setLocale }
})
