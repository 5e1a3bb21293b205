// A light Arabic stemmer of the Light10 / Lucene ArabicStemmer family: it removes the conjunctions
// و ف, the article ال with the prepositions glued to it, and common suffixes, without trying to find
// roots. It works on NORMALIZED words (see normalize.ts: ة → ه, ى → ي, hamza folded).
//
// What differs from Lucene:
//   - A leading و is not stripped blindly. Lucene turns وزير into زير and وطني into طن (ton) while
//     الوزير stays وزير, so the same word gets two stems and unrelated words share one. Here a bare
//     و (not followed by the article) is stripped only when the word does not look like a word of a
//     root whose first letter is و (وزر، وطن، وكل، وصل ...), see isWawRootWord; nor is the و of
//     such a word taken for "and" before كال/بال/لل (وكالات is not و + كال + ات, والده not و + ال + ده).
//   - و/ف before the article or لل are stripped together with it (وبالمفاوضات, فللحكومة).
//   - A stem keeps at least 2 letters after a prefix and 3 after a suffix (Lucene: 2 and 2), so
//     علي (Ali), سنة and قوة are not cut down to عل, سن (age) and قو.
//   - Suffixes are tuned for news: the accusative ا goes, ان stays, see SUFFIXES.
//   - After a possessive pronoun is removed, a final ت that was a ة is dropped too, so حكومتها
//     meets حكومة (حكومته → حكومت → حكوم).

/** Prepositions and the article, longest first; after an optional و or ف. */
const ARTICLES = ['بال', 'كال', 'لل', 'ال']
/**
 * Suffixes in the order they are tried, each removed at most once (Lucene's order; ة and ية are ه
 * and يه once normalized), with the letters the stem must keep. Changes from Light10/Lucene:
 *   - the accusative ا is added (يوماً، فرنسا ~ فرنسي، أمريكا ~ أمريكية);
 *   - ان is not a suffix: in news it ends names far more often than duals (إيران، سلمان، لبنان،
 *     مهرجان، طيران، رمضان), and keeping it lets إيراني، لبنانية meet إيران، لبنان;
 *   - ون keeps 4 letters (مليون، تعاون، قانون are not plurals; معلمون، مسؤولون are);
 *   - ين keeps 3 (يومين، عامين) but not on a 5-letter تفعيل noun (تأمين، تعيين، تحسين، تدشين).
 */
const SUFFIXES: { suffix: string; keep: number }[] = [
  { suffix: 'ها', keep: 3 },
  { suffix: 'ا', keep: 3 },
  { suffix: 'ات', keep: 3 },
  { suffix: 'ون', keep: 4 },
  { suffix: 'ين', keep: 3 },
  { suffix: 'يه', keep: 3 },
  { suffix: 'ه', keep: 3 },
  { suffix: 'ي', keep: 3 },
]
/** Possessive pronouns after which a ت stands for a ة (حكومتها). */
const PRONOUNS = new Set(['ها', 'ه'])
/** Names whose ending looks like a suffix (فلسطين is not فلسط + ين; البحرين not البحر + ين). */
const NAMES = new Set(['فلسطين', 'بحرين', 'برلين'])

const MIN_AFTER_PREFIX = 2

/**
 * Roots whose first radical is و, as they occur in common news words. A word that starts with و is
 * taken as one of these (its و kept) when it spells such a root in one of the usual patterns, with
 * nothing after it but an ending (see isWawRootWord). Roots that mostly give false alarms after the
 * conjunction (وسم: واسم, وهم: واهم, ودع: ودعا, وقي: وقوي) are left out.
 */
const WAW_ROOTS = new Set(
  (
    'وتر وثق وجب وجد وجز وجه وحد وحش ودي ورث ورد ورط ورق وزر وزع وزن وسط وسع وسل وصف وصل وصي ' +
    'وضح وضع وطن وظف وعد وعي وفد وفر وفق وفي وقت وقد وقع وقف وكل ولد ولي'
  ).split(' '),
)

/** What may follow the root letters: nothing, or a suffix (وطنيه، وزراء، وصلت، وكالات، وطننا). */
const ENDINGS = new Set(
  ('ا ه ي ت ك ها هم هما كم نا ان ات ون ين يه يا اء اه يات يين يون ته تها تهم تي وا تان تين').split(' ').concat(''),
)

/** Endings after فعال(ة): the feminine and relative endings only. */
const FEMININE = new Set(['ه', 'ات', 'ي', 'يه', 'ته', 'تها', 'تي', 'يات'])

const WAW = 0x0648
const FEH = 0x0641
const TEH = 0x062a
const ALEF = 0x0627
const YEH = 0x064a
const HEH = 0x0647
const HAMZA = 0x0621
const LAM = 0x0644
const BEH = 0x0628
const KAF = 0x0643
const NOON = 0x0646

/** Root و + C2 + C3 as a number, for a Set lookup without building strings. */
const rootKey = (c2: number, c3: number): number => c2 * 0x10000 + c3
const WAW_ROOT_KEYS = new Set([...WAW_ROOTS].map((r) => rootKey(r.charCodeAt(1), r.charCodeAt(2))))

const isLongVowel = (c: number): boolean => c === ALEF || c === WAW || c === YEH

/**
 * Whether `word` (normalized, starting with و) is a word of a و-initial root rather than "and" + a
 * word. Patterns, with C2 C3 the root's other letters:
 *   وC2C3…          وطن، وطنية، وزراء، وقت، وصلت        (not وعدد, وقتل, وفرنسا: more than an ending follows)
 *   واC2C3…         واحد، واضحة، واقع، وافقت، والده     (فاعل)
 *   وC2[وي]C3…      وزير، وكيل، وصول، وجود              (فعيل، فعول)
 *   وC2اC3[ه|ات|ي]  وزارة، وكالات، ولاية، وزاري         (فعالة; not وعاد, وعادت: "and returned")
 *   وC2[اوي][يء]C3… وسائل، وظائف، وثائق                 (فعائل)
 *   وC2اه           وفاة، ولاة                           (root with a final ي)
 */
export function isWawRootWord(word: string): boolean {
  const n = word.length
  if (n < 3 || word.charCodeAt(0) !== WAW) return false
  // charCodeAt past the end is NaN, which matches no root.
  const a = word.charCodeAt(1)
  const b = word.charCodeAt(2)
  const c = word.charCodeAt(3)
  const d = word.charCodeAt(4)
  const is = (c2: number, c3: number, restAt: number): boolean => WAW_ROOT_KEYS.has(rootKey(c2, c3)) && n >= restAt && ENDINGS.has(word.slice(restAt))
  return (
    is(a, b, 3) ||
    (a === ALEF && is(b, c, 4)) ||
    ((b === WAW || b === YEH) && is(a, c, 4)) ||
    (b === ALEF && is(a, c, 4) && FEMININE.has(word.slice(4))) ||
    (isLongVowel(b) && (c === YEH || c === HAMZA) && is(a, d, 5)) ||
    (b === ALEF && c === HEH && n === 4 && is(a, YEH, 4))
  )
}

export interface StemOptions {
  /** How a bare leading و is treated: 'roots' (default), 'lucene' (always, like Lucene), 'never'. */
  waw?: 'roots' | 'lucene' | 'never'
}

const isArabicLetter = (c: number): boolean => c >= 0x0621 && c <= 0x064a

/** Whether `s` has `suffix` just before offset `end`. */
function endsWithAt(s: string, end: number, suffix: string): boolean {
  for (let k = 1; k <= suffix.length; k++) if (s.charCodeAt(end - k) !== suffix.charCodeAt(suffix.length - k)) return false
  return true
}

/** The light stem of a normalized Arabic word; other words (Latin, numbers) come back unchanged. */
export function stem(word: string, opts?: StemOptions): string {
  if (word.length < 3 || !isArabicLetter(word.charCodeAt(0))) return word
  // The name of God is not ال + له; والله، بالله، لله are it with a preposition; عبدالله stays whole.
  if (word.endsWith('الله') || word === 'لله') return word.length === 5 || word === 'لله' ? 'الله' : word
  const start = prefixLength(word, opts?.waw ?? 'roots')
  let end = word.length
  if (word.charCodeAt(end - 1) === NOON && NAMES.has(word.slice(start))) return word.slice(start)
  let afterPronoun = false
  for (const { suffix, keep } of SUFFIXES) {
    if (end - start >= suffix.length + keep && endsWithAt(word, end, suffix)) {
      if (suffix === 'ين' && end - start === 5 && word.charCodeAt(start) === TEH) continue // تأمين
      end -= suffix.length
      afterPronoun ||= PRONOUNS.has(suffix)
    }
  }
  if (afterPronoun && end - start >= 4 && word.charCodeAt(end - 1) === TEH) end-- // حكومتها → حكومت → حكوم
  return start === 0 && end === word.length ? word : word.slice(start, end)
}

/** How many letters of conjunction, preposition and article `word` starts with. */
function prefixLength(word: string, waw: 'roots' | 'lucene' | 'never'): number {
  const first = word.charCodeAt(0)
  const wawRoot = first === WAW && waw === 'roots' && isWawRootWord(word) // وكالات is not و + كال + ات
  // The article, maybe after a preposition and/or a conjunction: الحكومة، والحكومة، فبالمفاوضات، وللحكومة.
  const conjunction = (first === WAW && !wawRoot) || first === FEH ? 1 : 0
  const next = word.charCodeAt(conjunction)
  if (next === ALEF || next === LAM || next === BEH || next === KAF) {
    for (const article of ARTICLES) {
      if (word.startsWith(article, conjunction) && word.length - conjunction - article.length >= MIN_AFTER_PREFIX) {
        return conjunction + article.length
      }
    }
  }
  // A bare و ("and"): only before at least 3 letters, and not when the و is a root letter.
  if (first === WAW && word.length >= 4 && waw !== 'never' && !wawRoot) return 1
  return 0
}
