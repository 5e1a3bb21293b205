// Messages of the desktop feature, Arabic first. Merged into ./ar.ts and ./en.ts under 'desktop'.
export const ar = {
  title: 'سطح المكتب',
}

export const en: typeof ar = {
  title: 'Desktop',
}
