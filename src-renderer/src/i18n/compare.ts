// Messages of the compare feature, Arabic first. Merged into ./ar.ts and ./en.ts under 'compare'.
export const ar = {
  title: 'المقارنة',
}

export const en: typeof ar = {
  title: 'Compare',
}
