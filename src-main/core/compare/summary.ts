// The plain-language line that sums a comparison up, in Arabic and English:
// "B reprints 80% of A and adds two paragraphs" / "ب تعيد نشر 80٪ من أ وتضيف فقرتين".
import type { Bilingual } from './types'

export interface SummaryFigures {
  aInB: number
  bInA: number
  addedParagraphs: number
  removedParagraphs: number
  changedParagraphs: number
}

const EN_NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

const enParagraphs = (n: number) => `${EN_NUMBERS[n] ?? n} paragraph${n === 1 ? '' : 's'}`

/** Arabic counted noun: فقرة واحدة، فقرتين، 3 فقرات، 11 فقرة (accusative, as the object of a verb). */
function arParagraphs(n: number): string {
  if (n === 1) return 'فقرة واحدة'
  if (n === 2) return 'فقرتين'
  if (n >= 3 && n <= 10) return `${n} فقرات`
  return `${n} فقرة`
}

const percent = (share: number) => Math.round(share * 100)

export function summaryLine(f: SummaryFigures): Bilingual {
  const changes: Bilingual[] = []
  if (f.removedParagraphs) changes.push({ ar: `تحذف ${arParagraphs(f.removedParagraphs)}`, en: `cuts ${enParagraphs(f.removedParagraphs)}` })
  if (f.addedParagraphs) changes.push({ ar: `تضيف ${arParagraphs(f.addedParagraphs)}`, en: `adds ${enParagraphs(f.addedParagraphs)}` })
  if (!changes.length && f.changedParagraphs) changes.push({ ar: `تغيّر ${arParagraphs(f.changedParagraphs)}`, en: `changes ${enParagraphs(f.changedParagraphs)}` })

  const same = percent(f.aInB) === 100 && percent(f.bInA) === 100
  if (same && !changes.length) return { ar: 'أ وب تحملان النص نفسه', en: 'A and B carry the same text' }
  if (percent(f.aInB) < 5) return { ar: 'ب لا تكاد تشترك مع أ في شيء', en: 'B shares almost nothing with A' }

  const head: Bilingual =
    percent(f.aInB) === 100
      ? { ar: 'ب تعيد نشر أ كاملًا', en: 'B reprints all of A' }
      : { ar: `ب تعيد نشر ${percent(f.aInB)}٪ من أ`, en: `B reprints ${percent(f.aInB)}% of A` }
  return {
    ar: [head.ar, ...changes.map((c) => 'و' + c.ar)].join(' '),
    en: head.en + changes.map((c, i) => (i === changes.length - 1 ? ' and ' : ', ') + c.en).join(''),
  }
}
