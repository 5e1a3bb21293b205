// Regular expressions of the rules, compiled once. They all run on the normalised text
// (normalize.ts), so they are written with bare alef (ا), ي for ى, ه for ة and ASCII digits.
// Flags: g (scan), u (\p{L}), d (group offsets).

import { monthAlternation, ordinalAlternation } from './months'
import type { Part } from './types'

/** start of a word: no letter or digit just before */
const B = '(?<![\\p{L}\\p{N}])'
/** end of a word */
const NL = '(?![\\p{L}])'
/**
 * Lookbehind: start of a word, allowing an attached conjunction and preposition (و ف ب ك ل) that is
 * left out of the mention. Only used in the small regexes run on the text just before a match: the
 * scanning regexes start with their key word (a literal is scanned much faster than a lookbehind
 * or an optional prefix) and the word start is checked in code (extract.ts, wordStart).
 */
const LB = '(?<=(?:^|[^\\p{L}\\p{N}])[وف]?[بكل]?)'
/** the article, including لل (ل + ال) */
const ART = '(?:ال|لل)'
/** era marker after a year: هـ / ه / هجري(ة)  or  م / ميلادي(ة) */
const mark = (name: string) => `(?:\\s*(?<${name}>ه(?:جري(?:ه)?)?|م(?:يلادي(?:ه)?)?)${NL})?`

export const REL_PAST = ['الماضي', 'المنصرم', 'الفائت', 'السابق', 'المنتهي', 'الفارط', 'المنقضي'] // الفارط، المنقضي: Tunisian
export const REL_NEXT = ['المقبل', 'القادم', 'الموالي'] // الموالي: Maghrebi
export const REL_CURRENT = ['الجاري', 'الحالي']
const REL = `(?:${[...REL_PAST, ...REL_NEXT, ...REL_CURRENT].join('|')})(?:ه)?`
const REL_WEEKDAY = `(?:${[...REL_PAST, ...REL_NEXT].join('|')})(?:ه)?`

export function relDirection(word: string): 'past' | 'next' | 'current' {
  const w = word.replace(/ه$/, '')
  return REL_NEXT.includes(w) ? 'next' : REL_CURRENT.includes(w) ? 'current' : 'past'
}

const MONTHS = monthAlternation()
const GREG = monthAlternation(['gregorian'])
const ORD = ordinalAlternation()
const WEEKDAY = '(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)'
/** time of day before اليوم / أمس / a weekday: فجر اليوم، صباح أمس، مساء الخميس */
const TOD = '(?:فجر|صباح|صبيحه|ظهر|ظهيره|عصر|مساء|عشيه|ليل|ليله|منتصف\\s+ليل(?:ه)?|نهار|ضحي)'

/**
 * The day before a month, matched backwards on the text just before the month (or شهر):
 * "26 ", "الـ 26 من ", "26 من ", "السادس والعشرين من ", "الموافق30 ", "غرة " (the first)
 */
export const RX_DAY_BEFORE = new RegExp(
  `(?:(?:${LB}(?<al>ال)\\s?)?(?<!\\p{N})(?<dn>\\d{1,2})\\s*(?:من\\s+)?|${LB}(?<ord>${ORD})\\s+من\\s+|${LB}(?<ghurra>غره)\\s+)$`,
  'ud',
)

/** a year after a month: " 2021", " من عام 2015", " للعام 2009", "، 2015", " 1436هـ" */
const YEAR_AFTER = `(?<ypart>\\s*[،,]?\\s*(?:من\\s+)?(?:[وف]?[بكل]?${ART}?(?:عام|سنه)\\s*)?(?<y>\\d{4}|\\d{1,3}(?=\\s*م${NL}))(?!\\d)${mark('ym')})`

/**
 * Rule "month date": [day] [شهر] month [twin month] [year | الماضي/المقبل/الجاري]; the day is read
 * backwards with RX_DAY_BEFORE. Also "day of a relative month" (الأول من الشهر الجاري), which needs a day.
 * 26 من تموز 2021 · 30 حزيران للعام 2009 · تموز/يوليو · يونيو (حزيران) الماضي · 25 شوال 1436هـ
 */
export const RX_MONTH_DATE = new RegExp(
  `(?:(?:(?<shahr>(?:ال)?شهر)\\s+)?(?<mon>${MONTHS})${NL}` +
    `(?<dbl>\\s*[/(-]?\\s*(?<mon2>${GREG})${NL}(?:\\s*\\))?)?` +
    `(?:${YEAR_AFTER}|\\s+(?<rel>${REL})${NL}|\\s+(?:من\\s+)?(?<relyear>(?:هذا|هذه)\\s+(?:العام|السنه)|(?:ال)?(?:عام|سنه)\\s+(?<rel3>${REL}))${NL})?` +
    `|(?<relmon>(?:ال)?شهر\\s+(?<rel2>${REL})|هذا\\s+الشهر)${NL})`,
  'gud',
)

/** Rule "numeric date": 26/7/2021 · 24- 10 – 1436هـ · 2021-07-26 · 1436/10/15هـ · 26.7.2021 */
export const RX_NUMERIC_DATE = new RegExp(
  `(?<![\\p{N}/])(?<!\\p{N}[.-])(?:(?<d>\\d{1,2})\\s*(?<s>[/.-])\\s*(?<m>\\d{1,2})\\s*\\k<s>\\s*(?<y>\\d{4})` +
    `|(?<y2>\\d{4})\\s*(?<s2>[/-])\\s*(?<m2>\\d{1,2})\\s*\\k<s2>\\s*(?<d2>\\d{1,2}))(?!\\d|[/.]\\d)${mark('mk')}`,
  'gud',
)

/** Rule "year after عام/سنة": عام 2018 · العام 2008 · للعام 2009 · بالعام 2003 · سنة 1435هـ */
export const RX_YEAR_WORD = new RegExp(`(?<w>${ART}?(?:عام|سنه))\\s*(?<y>\\d{4})(?!\\d)${mark('mk')}`, 'gud')

/** Rule "two years": عامي 2014 و2015 · بين العامين 2010 و 2012 */
export const RX_YEAR_PAIR = new RegExp(
  `(?<w>(?:ال)?(?:عامين|عامي|سنتي|سنتين|اعوام))\\s*(?<y1>\\d{4})\\s*(?:و|-|او|الي|حتي)\\s*(?<y2>\\d{4})(?!\\d)`,
  'gud',
)

/** Rule "marked year": 2015م · ١٤٣٦هـ · 1394 هجرية */
export const RX_YEAR_MARKED = new RegExp(`(?<![\\p{N}])(?<!\\p{N}\\s?[/.,-]\\s?)(?<y>\\d{3,4})\\s*(?<mk>ه(?:جري(?:ه)?)?|م(?:يلادي(?:ه)?)?)${NL}`, 'gud')

/**
 * Rule "year after a preposition": في 2008 · منذ 2003 · بحلول 2030 (checked for what follows);
 * after a part word the year needs no check: مطلع 2016 · الربع الأخير من 2014
 */
export const RX_YEAR_PREP = new RegExp(
  `(?<!\\d)(?<y>\\d{4})(?<=${B}[وف]?(?:(?<prep>في|منذ|خلال|حتي|بحلول|قبل|بعد|عقب)|[بل]?(?:مطلع|بدايه|منتصف|اواسط|اواخر|نهايه|اوائل|مستهل)|الربع\\s+(?:الاول|الثاني|الثالث|الرابع|الاخير)\\s+من)\\s+\\d{4})(?![\\d,/-]|[.]\\d)`,
  'gud',
)

/** Rule "day word": اليوم · أمس · أول أمس · غداً · بعد غد · اليوم الأربعاء · أمس الجمعة */
export const RX_DAY_WORD = new RegExp(
  `(?:(?<today>اليوم)|(?<yday2>اول\\s+(?:من\\s+)?امس|(?:ال)?امس\\s+الاول|البارحه\\s+الاولي)|(?<yday>(?:ال)?امس|البارحه)|(?<tmrw2>بعد\\s+غدا?)|(?<tmrw>غدا|غد))${NL}` +
    `(?:\\s*[،,(]?\\s*(?<wd>ال${WEEKDAY})${NL}(?:\\s*\\))?)?`,
  'gud',
)

/** a time of day and/or يوم before a day word or weekday, matched backwards: فجر · صباح يوم · يوم */
export const RX_TOD_BEFORE = new RegExp(`${LB}(?:(?<tod>${TOD})\\s+(?:(?<yawm>يوم)\\s+)?|(?<yawm2>يوم)\\s+)$`, 'ud')

/** Rule "weekday": الاثنين · الأربعاء الماضي · الخميس المقبل (يوم / مساء before it: RX_TOD_BEFORE) */
export const RX_WEEKDAY = new RegExp(`(?<wd>ال${WEEKDAY})${NL}(?:\\s+(?<rel>${REL_WEEKDAY})${NL})?`, 'gud')

/** Rule "relative period": الأسبوع الماضي · الشهر الجاري · العام المقبل · (هذا) العام; bare العام/الشهر after a part word */
export const RX_PERIOD = new RegExp(`(?<art>${ART})(?<unit>اسبوع|شهر|عام|سنه)${NL}(?:\\s+(?<rel>${REL})${NL})?`, 'gud')
export const RX_THIS_BEFORE = /(?<![\p{L}\p{N}])(?:هذا|هذه)\s+$/u

/** Rule "quarter" (bare): خلال الربع الثاني */
export const RX_QUARTER = new RegExp(`(?<q>الربع\\s+(?:الاول|الثاني|الثالث|الرابع|الاخير))${NL}`, 'gud')

export const PART_WORDS: Record<string, Part> = {
  بدايه: 'early', بدايات: 'early', مطلع: 'early', مستهل: 'early', اوائل: 'early',
  منتصف: 'mid', اواسط: 'mid', وسط: 'mid',
  اواخر: 'late', نهايه: 'late', نهايات: 'late', اخر: 'late', ختام: 'late',
}
export const QUARTERS: Record<string, Part> = { الاول: 'q1', الثاني: 'q2', الثالث: 'q3', الرابع: 'q4', الاخير: 'q4' }

/** a part word or quarter right before a month or year mention (tested on the text just before it) */
export const RX_PART_BEFORE = new RegExp(
  `${B}[وف]?[بل]?(?<w>(?<part>${Object.keys(PART_WORDS).join('|')})|الربع\\s+(?<q>${Object.keys(QUARTERS).join('|')}))\\s+(?:من\\s+)?$`,
  'ud',
)

/** words before a bare month that make it a date: في تموز · منذ يناير · حتى أيلول */
export const RX_MONTH_CONTEXT_BEFORE = new RegExp(
  `${B}[وف]?(?:في|منذ|خلال|حتي|بحلول|مطلع|بدايه|منتصف|اواسط|اواخر|نهايه|اوائل|مستهل|اخر|ختام|اعتبارا\\s+من|ابتداء\\s+من|بدءا\\s+من|الي|قبل|بعد|شهري|اشهر|شهور)\\s+$`,
  'u',
)

/** the words "رقم" etc. before a number: not a date */
export const RX_NUMBER_LABEL_BEFORE = new RegExp(`${B}[وفبل]?(?:ال)?(?:رقم|رقمه|رقمها|عدد|الهاتف|هاتف|جوال|ص\\.?ب)\\s*[:(]?\\s*$`, 'u')

/** what may follow a year introduced only by a preposition (في 2008، / منذ 2003 و…) */
export const RX_YEAR_PREP_FOLLOW = new RegExp(
  `^(?:\\s*$|\\s*[^\\p{L}\\p{N}\\s]|\\s*(?:م|ميلادي|ميلاديه)${NL}|\\s+(?:و|ال|لل)\\p{L}|\\s+(?:في|الي|علي|عن|حتي|حين|عندما|بعد|قبل|ثم|لكن|او|بين|مع|ضد|حيث|وفق|ما|لم|لن|قد|كان|كانت|تم|الذي|التي|حسب|بحسب|نحو|اي|انه|انها|ان)${NL})`,
  'u',
)

/** units and counted nouns after a number: not a year */
const UNITS =
  'صاروخ صواريخ ملم مم سم كم كلم كيلو كيلومتر كيلومترا كيلومترات متر مترا امتار ميل ميلا جندي جنديا جنود عسكري عسكريا شخص شخصا اشخاص ' +
  'مواطن مواطنا قتيل قتيلا قتلي جريح جريحا مصاب مصابا حاله حالات دولار دولارا ريال ريالا يورو جنيه جنيها درهم درهما دينار دينارا ليره ' +
  'مليون ملايين مليار مليارات الف الاف طن طنا اطنان برميل برميلا ساعه ساعات دقيقه دقائق ثانيه يوم يوما ايام سنه سنوات عام عاما اعوام ' +
  'شهر اشهر شهرا اسبوع اسابيع نسمه وحده وحدات منزل منازل مسكن طالب طالبا طلاب طالبه موظف موظفا عامل عاملا لاعب لاعبا مقعد مقعدا صوت ' +
  'صوتا كجم كغ كلغ غرام جرام لتر لترا هكتار هكتارا فدان قدم بوصه نقطه نقاط هدف اهداف مباراه مركبه سياره طائره دبابه عنصر عنصرا ' +
  'مقاتل مقاتلا سجين اسير معتقل معتقلا حاج حاجا زائر زائرا مسافر مسافرا راكب راكبا موقع موقعا مشروع مشروعا اسره عائله'
export const UNIT_WORDS: ReadonlySet<string> = new Set(UNITS.split(' '))
export const RX_WORD_AFTER = /^\s*(?:(?<pct>[%٪])|(?<w>\p{L}+))/u

/** between a Hijri date and its Gregorian twin (or the other way round): الموافق · ( · / · - */
export const RX_TWIN_GAP = /^\s*[،,]?\s*(?:[(/-]\s*)?(?:[وف]?(?:ال)?م?وافق(?:ه)?(?:\s*ل)?\s*)?[(]?\s*$/u
/** between a weekday or اليوم/أمس and the explicit date it introduces */
export const RX_LEAD_GAP = /^\s*[،,]?\s*(?:[(]\s*)?(?:(?:ال)?م?وافق(?:ه)?(?:\s*ل)?|بتاريخ|و?تاريخ)?\s*[(]?\s*$/u
/** before the Christian era: 1482 قبل الميلاد · 500 ق.م */
export const RX_BC_AFTER = /^\s*(?:قبل\s+الميلاد|ق\s*\.?\s*م(?![\p{L}]))/u

/** a sentence boundary in the normalised text */
export const RX_SENTENCE_BREAK = /[!?؟\n؛]|\.(?!\d)/u
