// Messages of the timeline feature, Arabic first. Merged into ./ar.ts and ./en.ts under 'timeline'.
export const ar = {
  title: 'الخط الزمني',
}

export const en: typeof ar = {
  title: 'Timeline',
}
