// Event labels: real sentences from SaudiNewsNet and the seed article, trimmed to what happened.
import { describe, expect, it } from 'vitest'
import { trimLabel } from './label'

/** the label of `sentence` for the (first) occurrence of `mention` in it */
function label(sentence: string, mention: string): string {
  const start = sentence.indexOf(mention)
  if (start < 0) throw new Error(`"${mention}" is not in the sentence`)
  return trimLabel({ sentence, start, end: start + mention.length })
}

describe('trimLabel: attributions', () => {
  it('drops "وأضاف X أن" (SaudiNewsNet, 3alyoum)', () => {
    expect(label('وأضاف المضيان أن إحصائيات الحركة الجوية الدولية في المطار خلال النصف الأول من العام الحالي نقلت 24636 مسافرًا', 'العام الحالي')).toBe(
      'إحصائيات الحركة الجوية الدولية في المطار خلال النصف الأول من العام الحالي نقلت 24636 مسافرًا',
    )
  })

  it('drops "صرح المتحدث الأمني بوزارة الداخلية بأنه" (SaudiNewsNet)', () => {
    const s = 'صرح المتحدث الأمني بوزارة الداخلية بأنه إلحاقاً لما سبق إعلانه يوم الخميس الموافق 21 / 10 / 1436هـ , بشأن حدوث تفجير أثناء قيام منسوبي قوة الطوارئ الخاصة بأداء الصلاة'
    expect(label(s, 'يوم الخميس الموافق 21 / 10 / 1436هـ')).toMatch(/^إلحاقاً لما سبق إعلانه/)
  })

  it('drops a lead-in before a comma: "من جانبه،", "بدوره،" (SaudiNewsNet, aljazirah / aawsat)', () => {
    expect(label('من جانبه، استنكر الأزهر بشدة الهجوم الإرهابي الذي استهدف مسجداً في مقر قوات الطوارئ الخاصة بمنطقة عسير أمس', 'أمس')).toBe(
      'استنكر الأزهر بشدة الهجوم الإرهابي الذي استهدف مسجداً في مقر قوات الطوارئ الخاصة بمنطقة عسير',
    )
    expect(label('بدوره، استنكر الأزهر بشدة الهجوم الإرهابي الذي استهدف مسجدًا في مقر قوات الطوارئ أمس', 'أمس')).toMatch(/^استنكر الأزهر/)
  })

  it('keeps a sentence whose saying verb is what happened, with nothing reported after it', () => {
    expect(label('أكد الناطق الرسمي باسم الحكومة الأردنية الدكتور محمد المومني في بيان صحافي أمس وقوف بلاده قيادة وشعبا بجانب السعودية', 'أمس')).toMatch(
      /^أكد الناطق الرسمي/,
    )
  })
})

describe('trimLabel: leading conjunctions', () => {
  it('drops و written on a verb or a word with ال: "وتلقى", "وكانت", "ففي" (SaudiNewsNet, seed)', () => {
    expect(label('وتلقى نائب خادم الحرمين الشريفين الأمير محمد بن نايف بن عبد العزيز، اتصالاً هاتفيًا أمس من ملك البحرين', 'أمس')).toMatch(/^تلقى نائب/)
    expect(label('ففي وقت مبكر من فجر اليوم الأربعاء، تم استهداف قاعدة النصر- فيكتوري القريبة الواقعة في مطار بغداد الدولي', 'فجر اليوم الأربعاء')).toMatch(
      /^في وقت مبكر/,
    )
  })

  it('keeps و that is a letter of the word: "وزارة", "وصلت" ', () => {
    expect(label('وزارة الداخلية السعودية، أعلنت أن انتحاريا فجر نفسه بحزام ناسف أول من أمس، داخل مسجد', 'أول من أمس')).toMatch(/^وزارة الداخلية/)
    expect(label('وصلت إلى جدة أمس طلائع حجاج بيت الله الحرام القادمين من الخارج', 'أمس')).toMatch(/^وصلت إلى جدة/)
  })

  it('drops a list number: "1)الاتفاقية الأمنية التي وقعت في العام 2008" (seed)', () => {
    expect(label('1)الاتفاقية الأمنية التي وقعت في العام 2008', 'العام 2008')).toBe('الاتفاقية الأمنية التي وقعت')
  })
})

describe('trimLabel: the date words', () => {
  it('drops them after في in the middle: "… من المحادثات في الـ 26 من تموز 2021، برئاسة …" (seed)', () => {
    const s = 'وكانت الجولة الرابعة والأخيرة من المحادثات في الـ 26 من تموز 2021، برئاسة وزراء الخارجية البلدين، التي تم خلالها التوصل إلى اتفاق نهائي وإصدار بيان مشترك.'
    expect(label(s, 'الـ 26 من تموز 2021')).toBe('كانت الجولة الرابعة والأخيرة من المحادثات برئاسة وزراء الخارجية البلدين، التي تم خلالها التوصل إلى اتفاق نهائي وإصدار بيان مشترك')
  })

  it('drops them after في at the end: "وكان الكرواتي يعمل عند خطفه في 22 يوليو" (SaudiNewsNet)', () => {
    expect(label('وكان الكرواتي يعمل عند خطفه في 22 يوليو', '22 يوليو')).toBe('كان الكرواتي يعمل عند خطفه')
  })

  it('keeps them after منذ, حتى, بحلول and after a verb whose object they are; drops a leading كما (seed)', () => {
    expect(label('من الوجود الأمريكي المستمر منذ العام 2003.', 'العام 2003')).toBe('من الوجود الأمريكي المستمر منذ العام 2003')
    expect(label('كما في السنوات التي تلت عام 2003.', 'عام 2003')).toBe('في السنوات التي تلت عام 2003')
    expect(label('سحب كل القوات الأمريكية من جميع الأراضي العراقية بحلول 31 كانون الأول 2011', '31 كانون الأول 2011')).toContain('بحلول 31 كانون الأول 2011')
  })

  it('drops a relative adverb wherever it stands: "أمس", "ظهر أمس" (SaudiNewsNet)', () => {
    expect(label('وافتتح الوزير أمس المرحلة الأولى من الميناء الجديد.', 'أمس')).toBe('افتتح الوزير المرحلة الأولى من الميناء الجديد')
    expect(label('وقف أمير منطقة عسير الأمير فيصل بن خالد بن عبدالعزيز ظهر أمس على موقع التفجير الغاشم', 'ظهر أمس')).toBe(
      'وقف أمير منطقة عسير الأمير فيصل بن خالد بن عبدالعزيز على موقع التفجير الغاشم',
    )
  })

  it('keeps the whole sentence when fewer than three words would be left', () => {
    expect(label('وصل الوفد في 22 يوليو', '22 يوليو')).toBe('وصل الوفد في 22 يوليو')
  })
})
