// Hostile articles for the e2e tests: a saved web page and a JSONL record full of markup, script,
// style tricks, refreshes, javascript: links and a right-to-left override (U+202E). Imported, they
// must be plain text wherever the app shows them.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Archive } from '../src-main/core/archive/archive'

export const RLO = '\u202E'
/** A word only the hostile articles contain, to find them by search. */
export const MARKER = 'الزيتون'
export const EVIL_HOST = 'evil.example'

export const HOSTILE_HTML = `<!doctype html>
<html lang="ar"><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0;url=http://${EVIL_HOST}/refresh">
<meta property="og:url" content="javascript:alert('og')">
<title>${RLO}عنوان معكوس عن ${MARKER} &lt;img src=x onerror=alert(1)&gt;</title>
<style>body{display:none} .app{position:fixed;inset:0;background:red}</style>
<script>alert('head')</script>
<link rel="stylesheet" href="http://${EVIL_HOST}/style.css">
<base href="http://${EVIL_HOST}/">
</head><body onload="alert('body')">
<article>
<h1>${RLO}عنوان معكوس عن ${MARKER} &lt;img src=x onerror=alert(1)&gt;</h1>
<p>فقرة أولى عن ${MARKER} في القرية <script>alert('inline')</script>تتابع هنا بعد نص برمجي.</p>
<p>وفي 3 آذار 2023 نشر البيان &lt;b onmouseover=alert(16)&gt;العاجل&lt;/b&gt; عن الحصاد.</p>
<p>نص حرفي: &lt;script&gt;alert("literal")&lt;/script&gt; و &lt;iframe src="javascript:alert(2)"&gt;&lt;/iframe&gt; يجب أن يظهر كما هو.</p>
<p><img src="http://${EVIL_HOST}/pixel.png" onerror="alert(3)">صورة لا تُحمَّل، و<a href="javascript:alert(4)">رابط خبيث</a> لا يعمل، و<a href="http://${EVIL_HOST}/track">رابط خارجي</a>.</p>
<iframe src="http://${EVIL_HOST}/frame"></iframe>
<object data="http://${EVIL_HOST}/x.swf"></object>
<p style="position:fixed;top:0;left:0;width:100%;height:100%;z-index:9999;background:red">طبقة تريد أن تغطي الصفحة كلها.</p>
<p>${RLO}هذه الجملة تبدأ بحرف عكس الاتجاه ولا يجب أن تقلب الواجهة حولها.</p>
<svg><script>alert('svg')</script></svg>
</article></body></html>`

export const HOSTILE_RECORD = {
  title: `${RLO}<img src=x onerror=alert(5)> خبر ${MARKER} المسموم`,
  content: [
    `<script>alert(6)</script> افتتاحية عن ${MARKER} كتبت في 5 أيار 2022 <img src=x onerror=alert(15)>.`,
    `<style>*{display:none !important} body::after{content:"hacked";position:fixed}</style> فقرة ثانية.`,
    `<meta http-equiv="refresh" content="0;url=http://${EVIL_HOST}/"> <iframe srcdoc="<script>alert(7)</script>"></iframe> <a href="javascript:alert(8)">اضغط</a>`,
    `${RLO}فقرة معكوسة <svg onload=alert(9)> {{ constructor.constructor('alert(10)')() }}`,
  ].join('\n'),
  date: '2024-06-01',
  url: 'javascript:alert(11)',
  source: '<b onmouseover=alert(12)>مصدر</b>',
  author: `${RLO}كاتب <img src=x onerror=alert(13)>`,
}

/** Literal strings each hostile article must show as text. */
export const LITERALS = {
  htmlTitle: '<img src=x onerror=alert(1)>',
  htmlBody: '<script>alert("literal")</script>',
  recordTitle: '<img src=x onerror=alert(5)>',
  recordBody: '<script>alert(6)</script>',
  template: "{{ constructor.constructor('alert(10)')() }}",
}

/** Writes the two hostile files and imports them with the CLI into `archiveDir`. */
export function importHostile(dir: string, archiveDir: string): void {
  writeFileSync(join(dir, 'hostile.html'), HOSTILE_HTML)
  writeFileSync(join(dir, 'hostile.jsonl'), JSON.stringify(HOSTILE_RECORD) + '\n')
  const r = spawnSync(process.execPath, [resolve(import.meta.dirname, '../bin/arshif.js'), 'import', join(dir, 'hostile.html'), join(dir, 'hostile.jsonl'), '--archive', archiveDir, '--json'], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`)
  const report = JSON.parse(r.stdout) as { counts: { added: number } }
  if (report.counts.added !== 2) throw new Error(`expected 2 hostile articles, got ${r.stdout}`)
}

/**
 * The importers drop bidi controls (U+202A–U+202E, U+2066–U+2069) from every field, so to prove the
 * interface isolates them anyway (an archive written by another tool or an older version), this
 * article is written into the archive directly.
 */
export const REVERSED = {
  title: `${RLO}خبر معكوس عن ${MARKER} <img src=x onerror=alert(14)>`,
  paragraphs: [`${RLO}فقرة معكوسة عن ${MARKER} تبدأ بحرف عكس الاتجاه.`, `فقرة عادية بعدها فيها ${RLO}كلمات معكوسة في وسطها.`],
  author: `${RLO}كاتب معكوس`,
  source: `${RLO}مصدر معكوس`,
  publishedAt: '2024-06-02',
}

export function addReversedArticle(archiveDir: string): void {
  const archive = Archive.open(archiveDir)
  try {
    archive.addArticles([{ ...REVERSED, datePrecision: 'day' }], null)
  } finally {
    archive.close()
  }
}
