// Messages of the import feature, Arabic first. Merged into ./ar.ts and ./en.ts under 'import'.
export const ar = {
  title: 'الاستيراد',
}

export const en: typeof ar = {
  title: 'Import',
}
