// Arabic stopwords: words too frequent or too empty to help find an article. Written with their
// usual spelling and normalized with the analyzer's normalize(), so "إلى", "الى" and "إلي" are one
// entry. The analyzer also drops a stopword glued to the conjunction و or ف ("وهو", "فإن", "وقال").
//
// Left out on purpose, because normalization makes them the same as a content word: على (= the name
// علي, Ali), أمام (= إمام, imam), أم (= mother), إذن (= permission); BM25 gives such frequent words
// almost no weight anyway; likewise آل (family: آل سعود) is not dropped although it is written ال
// once normalized. Reporting verbs (أكد، أضاف، أشار) are kept: they carry meaning in a query like
// "أكد الوزير". News fillers that are not particles are in: تم/يتم (passive "was done"), بشكل.
import { normalize } from './normalize'

const WORDS = `
من إلى الى عن في مع حتى منذ مذ خلال عند لدى لدي نحو حول دون بين ضد عبر بعد قبل فوق تحت وراء
ضمن إثر جراء عقب لأن لان كي لكي حيث حين حينما بينما عندما كلما لما إذ إذا اذا
و ف ب ل ك أو ثم بل لكن لكنه لكنها ولكن إن أن إنه أنه إنها أنها أنهم إنما أنما كأن لعل ليت
لا لم لن ما هل قد لقد سوف كما كذلك مثل بعض كل كلا كافة جميع غير سوى إلا الا أي أية أيضا ايضا فقط جدا
ليس ليست ليسوا لو لولا أما إما
هو هي هم هن هما أنا نحن أنت أنتم أنتما أنتن إياه إياها إياهم
هذا هذه هذان هاتان هؤلاء ذلك ذاك تلك أولئك هنا هناك هنالك ثمة
الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي اللائي
له لها لهم لهما لهن لك لكم لنا لي
به بها بهم بهما بهن بي بنا
منه منها منهم منهما مني منا
عنه عنها عنهم عنهما عني عنا
عليه عليها عليهم عليهما علينا
فيه فيها فيهم فيهما فينا
إليه إليها إليهم إليهما إلينا
لديه لديها لديهم لدينا
معه معها معهم معنا
بينهم بينها بينه بيننا
عندها عنده عندهم
نفس نفسه نفسها ذات ذاته ذاتها
كان كانت كانوا كنت كنا يكون تكون يكونوا يكن تكن أصبح أصبحت صار صارت ظل ظلت تم تمت يتم
بشكل أثناء
مازال ما زال لازال يزال تزال زال مازالت
قال قالت قالوا يقول تقول قيل
متى أين كيف كم لماذا ماذا أيان ماهو ماهي
`

/** The stopwords in normalized form (what normalize() gives), for membership tests. */
export const ARABIC_STOPWORDS: ReadonlySet<string> = new Set(
  WORDS.split(/\s+/)
    .filter(Boolean)
    .map((w) => normalize(w)),
)

/** Whether a NORMALIZED word is a stopword. */
export function isStopword(normalizedWord: string): boolean {
  return ARABIC_STOPWORDS.has(normalizedWord)
}
