// Messages of the desktop feature, Arabic first. Merged into ./ar.ts and ./en.ts under 'desktop'.
export const ar = {
  title: 'سطح المكتب',
  link: {
    notOpenable: 'لا يُفتح من أرشيف (ليس رابط http أو https)',
    confirmTitle: 'فتح الرابط في متصفحك؟',
    confirmText: 'ستُفتح هذه الصفحة خارج أرشيف، في متصفح الويب، وتحتاج إلى اتصال بالإنترنت.',
    open: 'افتح في المتصفح',
    cancel: 'إلغاء',
    failed: 'تعذّر فتح الرابط: {message}',
  },
  commands: {
    nothingToExport: 'لا شيء للتصدير في هذه الصفحة: افتح خطاً زمنياً أو مقارنة لتصديرها.',
    backupNotHere: 'النسخ الاحتياطي غير متاح هنا بعد.',
  },
}

export const en: typeof ar = {
  title: 'Desktop',
  link: {
    notOpenable: 'cannot be opened from Arshif (not an http or https link)',
    confirmTitle: 'Open this link in your browser?',
    confirmText: 'This page will open outside Arshif, in your web browser, and needs an internet connection.',
    open: 'Open in browser',
    cancel: 'Cancel',
    failed: 'The link could not be opened: {message}',
  },
  commands: {
    nothingToExport: 'Nothing to export on this page: open a timeline or a comparison to export it.',
    backupNotHere: 'Backing up is not available here yet.',
  },
}
