// Messages of the near-duplicates feature ("also published by"), Arabic first. Merged into ./ar.ts
// and ./en.ts under 'duplicates'.
export const ar = {
  title: 'نُشر أيضاً في',
  lead: 'نصوص شبه مطابقة لهذا المقال، وُجدت عند الاستيراد (خبر وكالة أعادت نشره صحف، أو تعديل طفيف).',
  unknownSource: 'مصدر غير معروف',
  similarity: 'تشابه {pct}',
  reprint_of: 'نُشر قبل هذا المقال، وهذا المقال ينقل عنه',
  reprinted_by: 'أعاد نشر هذا المقال',
  compare: 'قارن',
  compareLabel: 'قارن هذا المقال بما نشره {source}',
}

export const en: typeof ar = {
  title: 'Also published by',
  lead: 'Near-identical texts found when importing (a wire story reprinted by newspapers, or a light edit).',
  unknownSource: 'Unknown outlet',
  similarity: '{pct} alike',
  reprint_of: 'Published before this article, which repeats it',
  reprinted_by: 'Republished this article',
  compare: 'Compare',
  compareLabel: 'Compare this article with the version in {source}',
}
