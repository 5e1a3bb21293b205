import { createI18n } from 'vue-i18n'
import ar from './ar'
import en from './en'
import type { Locale } from '@contract'

export const i18n = createI18n({
  legacy: false,
  locale: 'ar',
  fallbackLocale: 'en',
  messages: { ar, en },
  // Arabic has six plural forms; our messages use three (zero | one | many) like English.
  pluralRules: { ar: (n: number) => (n === 0 ? 0 : n === 1 ? 1 : 2) },
})

export const directionOf = (locale: Locale) => (locale === 'ar' ? 'rtl' : 'ltr')

/** Switches the UI language and the page direction together. */
export function applyLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  document.documentElement.dir = directionOf(locale)
}
