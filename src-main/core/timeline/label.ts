// An event's label: the sentence around a date mention, trimmed to the part that says what happened.
//
// From the sentence (sentenceAround) it drops, in order:
//   - lead-ins that only attribute or connect: "وقال المتحدث باسم الوزارة إن", "وأوضح أن", "يذكر أن",
//     "من جهته،", "وفي هذا السياق،" (a saying verb and at most 8 words before إن/أن/بأن, or before ':');
//   - a leading conjunction: a standalone و / ثم / كما …, or و/ف written on the first word when it is
//     not a letter of the word itself (وأعلنت → أعلنت, but وزارة and وصلت stay);
//   - the date words of this mention when they open what is left, when they stand after في / يوم /
//     بتاريخ / خلال (in the middle or at the end), or when they are a relative adverb (أمس، اليوم،
//     مساء الخميس) anywhere, but only when at least three words remain (منذ 2008,
//     حتى 2020, قبل/بعد …, and a date that is the object of a verb (تلت عام 2003) stay: they say how
//     the event relates to the date);
//   - punctuation left hanging at either end.
// The result is always made of words of the sentence, in order.
import { normalize, isWawRootWord } from '../arabic'

export interface LabelInput {
  /** the sentence or clause around the mention (sentenceAround(...).text) */
  sentence: string
  /** the mention's range inside `sentence` */
  start: number
  end: number
}

const SAYING_VERBS = new Set(
  [
    'قال', 'قالت', 'اضاف', 'اضافت', 'اوضح', 'اوضحت', 'ذكر', 'ذكرت', 'اكد', 'اكدت', 'اشار', 'اشارت', 'بين', 'بينت',
    'صرح', 'صرحت', 'افاد', 'افادت', 'كشف', 'كشفت', 'اعلن', 'اعلنت', 'لفت', 'لفتت', 'نوه', 'نوهت', 'تابع', 'تابعت',
    'اردف', 'اردفت', 'اعتبر', 'اعتبرت', 'راي', 'رات', 'يذكر', 'يشار', 'تجدر', 'اوردت', 'اورد', 'نقل', 'نقلت', 'افصح',
    'افصحت', 'شدد', 'شددت', 'اعرب', 'اعربت', 'قالوا', 'اكدوا', 'اوضحوا', 'ذكروا', 'اشاروا', 'يقول', 'تقول', 'يضيف',
    'يوضح', 'يؤكد', 'تؤكد', 'يري', 'تري', 'زعم', 'زعمت', 'ادعي', 'ادعت', 'روي', 'روت', 'حسب', 'بحسب', 'وفق', 'وفقا',
  ],
)
/** what ends an attribution: "… إن / أن / بأن / الى أن" */
const THAT = new Set(['ان', 'بان', 'لان', 'انه', 'بانه', 'انها', 'بانها', 'انهم', 'بانهم'])
/** one-word or two-word lead-ins followed by a comma: "من جهته،" "وفي هذا السياق،" "إلى ذلك،" */
const LEAD_IN_BEFORE_COMMA = /^(?:[وف]?(?:من جهته|من جهتها|من جانبه|من جانبها|من ناحيته|من ناحيتها|من جهة اخري|من ناحية اخري|في هذا السياق|في السياق ذاته|في السياق نفسه|في غضون ذلك|الي ذلك|بدوره|بدورها|في المقابل|في الاثناء|على صعيد اخر|في سياق متصل|في سياق اخر))\s*[،,]/
const STANDALONE_CONJUNCTIONS = new Set(['و', 'ثم', 'كما', 'لكن', 'بينما', 'حيث', 'اذ', 'ف', 'بل', 'او'])
/** what may stand right before the date words when they are cut from the middle */
const ADVERB_START = new Set(['امس', 'اليوم', 'غدا', 'البارحه', 'مساء', 'صباح', 'ظهر', 'عصر', 'فجر', 'ليل', 'ليله', 'يوم', 'الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت'])
const CUTTABLE_BEFORE = new Set(['في', 'يوم', 'بتاريخ', 'خلال', 'وفي', 'ويوم', 'مساء', 'صباح', 'فجر', 'ظهر', 'ليل', 'ليلة'])

interface Word {
  start: number
  end: number
  /** normalized (hamza, alef, ya, ta marbuta folded; no diacritics) */
  norm: string
}

const WORD = /[^\s]+/g
const LIST_NUMBER = /^\s*[(]?[0-9٠-٩]{1,2}\s*[).\-–]\s*/
const PUNCT_EDGE = /^[\s،,:;.!؟?\-–—"'«»()[\]]+|[\s،,:;.!؟?\-–—"'«»()[\]]+$/g

function wordsOf(text: string): Word[] {
  const out: Word[] = []
  for (const m of text.matchAll(WORD)) out.push({ start: m.index, end: m.index + m[0].length, norm: normalize(m[0].replace(/[،,:;.!؟?"'«»()[\]]/g, '')) })
  return out
}

/** ends with a comma or colon: the lead-in stops there */
const endsClause = (text: string, w: Word) => /[،,:]$/.test(text.slice(w.start, w.end))

/**
 * The label for a mention: see the top of this file. Never empty: when trimming leaves fewer than
 * three words, the sentence is kept as it is (without hanging punctuation).
 */
export function trimLabel({ sentence, start, end }: LabelInput): string {
  const whole = tidy(sentence)
  // a list number opening the sentence: "1)", "2-", "٣."
  let from = LIST_NUMBER.exec(sentence)?.[0].length ?? 0
  let to = sentence.length
  const words = wordsOf(sentence).filter((w) => w.end > from)
  if (words.length === 0) return whole

  // 1. attribution lead-in: a saying verb among the first three words, إن/أن within 8 words after it
  let first = 0
  const lead = LEAD_IN_BEFORE_COMMA.exec(normalize(sentence.slice(0, 60)))
  if (lead) {
    const cutAt = nthCommaEnd(sentence)
    if (cutAt > 0) {
      from = cutAt
      first = words.findIndex((w) => w.start >= from)
    }
  }
  for (let i = first; i < Math.min(first + 3, words.length); i++) {
    if (!SAYING_VERBS.has(stripConjunction(words[i]!.norm))) continue
    const limit = Math.min(words.length - 3, i + 9)
    for (let j = i + 1; j < limit; j++) {
      const w = words[j]!
      if (THAT.has(w.norm) || (w.norm === 'الي' && THAT.has(words[j + 1]?.norm ?? ''))) {
        const k = w.norm === 'الي' ? j + 1 : j
        from = words[k]!.end
        first = k + 1
        break
      }
      if (endsClause(sentence, w) && sentence.slice(w.end - 1, w.end) === ':') {
        from = w.end
        first = j + 1
        break
      }
    }
    break
  }

  // 2. a leading conjunction
  while (first < words.length) {
    const w = words[first]!
    if (STANDALONE_CONJUNCTIONS.has(w.norm) && first + 1 < words.length) {
      first++
      from = words[first]!.start
      continue
    }
    if ((w.norm[0] === 'و' || w.norm[0] === 'ف') && w.norm.length >= 3 && !isWawRootWord(w.norm) && !(w.norm[0] === 'ف' && isFaRootWord(w.norm))) {
      from = Math.max(from, w.start + leadingLetterLength(sentence, w.start))
    } else from = Math.max(from, w.start)
    break
  }

  // 3. the date words, where it reads well
  const kept = words.filter((w) => w.end > from && w.start < to)
  const inMention = (w: Word) => w.start < end && start < w.end
  const mentionWords = kept.filter(inMention)
  const others = kept.filter((w) => !inMention(w))
  if (mentionWords.length && others.length >= 3) {
    const firstIdx = kept.indexOf(mentionWords[0]!)
    const lastIdx = kept.indexOf(mentionWords[mentionWords.length - 1]!)
    const before = kept[firstIdx - 1]
    const beforeCuttable = Boolean(before && CUTTABLE_BEFORE.has(before.norm))
    // a relative adverb (أمس، اليوم، مساء الخميس …) can go wherever it stands
    const adverb = ADVERB_START.has(stripConjunction(mentionWords[0]!.norm))
    const cutBefore = beforeCuttable || adverb
    if (firstIdx === 0 || (firstIdx === 1 && beforeCuttable)) {
      // at the start: "في 31 كانون الأول 2011، أعلن …" → "أعلن …"
      const next = kept[lastIdx + 1]
      if (next) from = next.start
    } else if (lastIdx === kept.length - 1 && cutBefore) {
      // at the end: "… انسحبت القوات نهاية عام 2011." → "… انسحبت القوات"
      to = (beforeCuttable ? before! : mentionWords[0]!).start
    } else if (cutBefore && kept[lastIdx + 1]) {
      // in the middle after في/يوم: "وقعت الحكومة في 30 حزيران 2009 اتفاقية" → "وقعت الحكومة اتفاقية"
      const cutFrom = beforeCuttable ? before!.start : mentionWords[0]!.start
      const label = tidy(sentence.slice(from, Math.max(from, cutFrom))) + ' ' + tidy(sentence.slice(kept[lastIdx + 1]!.start, to))
      return enoughWords(label) ? label : whole
    }
  }
  const label = tidy(sentence.slice(from, to))
  return enoughWords(label) ? label : whole
}

const enoughWords = (s: string) => s.split(/\s+/).filter(Boolean).length >= 3
const tidy = (s: string) => s.replace(PUNCT_EDGE, '').replace(/\s+/g, ' ')
const stripConjunction = (w: string) => (w.length > 3 && (w[0] === 'و' || w[0] === 'ف') && !isWawRootWord(w) ? w.slice(1) : w)
/** a few common words that start with ف as a letter of the word */
const FA_ROOT = /^(?:في|فيه|فيها|فقط|فرنسا|فلسطين|فريق|فتره|فرص|فرع|فعال|فكره|فوز|فاز|فازت|فصل|فندق|فئه|فيما|فوق|فور|فرض|فرضت|فتح|فتحت|فقد|فقدت)/
const isFaRootWord = (w: string) => FA_ROOT.test(w)

/** how many UTF-16 units the first letter (and any diacritics on it) takes */
function leadingLetterLength(text: string, at: number): number {
  let n = 1
  while (/[\u064b-\u065f\u0670\u0640]/.test(text[at + n] ?? '')) n++
  return n
}

/** the end of the first comma in the opening of a sentence (after a lead-in such as "من جهته،") */
function nthCommaEnd(text: string): number {
  const i = text.slice(0, 60).search(/[،,]/)
  return i < 0 ? -1 : i + 1
}
