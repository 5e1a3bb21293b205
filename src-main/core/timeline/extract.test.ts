// Each rule is tested with sentences quoted from the corpus (SaudiNewsNet 2015-08-0x, the seed article,
// ANT / Jawhara FM for Tunisian names); the Moroccan forms are invented. Unless a test says otherwise the
// reference date is the SaudiNewsNet crawl day 2015-08-07 (a Friday).
import { describe, expect, it } from 'vitest'
import { extractDates } from './extract'
import type { DateMention } from './types'

const REF = '2015-08-07'

/** ref null: no reference date */
const all = (text: string, ref: string | null = REF) => extractDates(text, { referenceDate: ref ?? undefined })

/** the one mention whose text is `sub` (or, without sub, the only mention) */
function mention(text: string, sub?: string, ref: string | null = REF): DateMention {
  const ms = all(text, ref)
  const found = sub === undefined ? (ms.length === 1 ? ms[0] : undefined) : ms.find((m) => m.text === sub)
  if (!found) throw new Error(`no mention ${JSON.stringify(sub)} in ${JSON.stringify(ms.map((m) => m.text))}`)
  expect(text.slice(found.start, found.end)).toBe(found.text)
  return found
}

const dateOf = (text: string, sub?: string, ref?: string) => mention(text, sub, ref ?? REF).date

describe('Gregorian months: Levantine / Iraqi names', () => {
  it('reads day, month and year: "31 كانون الأول 2011", "30 حزيران للعام 2009" (seed)', () => {
    const t = 'بحلول 31 كانون الأول 2011، على أن يسبقه في المرحلة ما قبل 30 حزيران للعام 2009، سحب كل هذه القوات'
    expect(mention(t, '31 كانون الأول 2011')).toMatchObject({ date: '2011-12-31', precision: 'day', calendar: 'gregorian' })
    expect(mention(t, '30 حزيران للعام 2009')).toMatchObject({ date: '2009-06-30', precision: 'day' })
  })

  it('reads "الـ 26 من تموز 2021" with the article and "من" (seed)', () => {
    const t = 'وكانت الجولة الرابعة والأخيرة من المحادثات في الـ 26 من تموز 2021، برئاسة وزراء الخارجية'
    expect(mention(t, 'الـ 26 من تموز 2021')).toMatchObject({ date: '2021-07-26', precision: 'day' })
  })

  it('knows all twelve names, with and without the article in the compound ones', () => {
    const names = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول']
    names.forEach((n, i) => expect(dateOf(`في 3 ${n} 2014`)).toBe(`2014-${String(i + 1).padStart(2, '0')}-03`))
    expect(dateOf('في 5 تشرين أول 2013')).toBe('2013-10-05')
    expect(dateOf('في 5 كانون ثاني 2013')).toBe('2013-01-05')
  })

  it('reads a month and year: "منذ تشرين الثاني/نوفمبر العام 2014"', () => {
    expect(mention('الارهاب الذي زاد المخاوف بشكل ملحوظ منذ تشرين الثاني/نوفمبر العام 2014 في جميع انحاء الاتحاد')).toMatchObject({
      text: 'تشرين الثاني/نوفمبر العام 2014',
      date: '2014-11',
      precision: 'month',
    })
  })
})

describe('Gregorian months: Egyptian / Gulf names', () => {
  it('reads "بتاريخ 30 يوليو 2015" and "كما في 31 ديسمبر 2014م"', () => {
    expect(dateOf('ليق جاء بعد أن أعلنت الشركة بتاريخ 30 يوليو 2015 قوائمها المالية')).toBe('2015-07-30')
    expect(mention('مقابل 15,029 مليون ريال كما في 31 ديسمبر 2014م. خلال هذا الفترة')).toMatchObject({
      text: '31 ديسمبر 2014م',
      date: '2014-12-31',
    })
  })

  it('knows all twelve names', () => {
    const names = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر']
    names.forEach((n, i) => expect(dateOf(`في 3 ${n} 2014`)).toBe(`2014-${String(i + 1).padStart(2, '0')}-03`))
  })

  it('reads April with or without hamza and the -يه spellings: "نهاية ابريل 2015", "آواخر إبريل"', () => {
    expect(mention('خلال الفترة من 23 مارس وحتى نهاية ابريل 2015. وقدمت الشركة', 'نهاية ابريل 2015')).toMatchObject({
      date: '2015-04',
      precision: 'month',
      part: 'late',
    })
    expect(mention('في الفترة من آواخر إبريل حتى يونيو الماضيين ضد خطة', 'آواخر إبريل')).toMatchObject({ date: '2015-04', part: 'late' })
    expect(dateOf('في 23 يوليه 1952')).toBe('1952-07-23')
    expect(dateOf('في 5 يونيه 1967')).toBe('1967-06-05')
  })
})

describe('Gregorian months: Maghrebi names (Tunisia, Algeria)', () => {
  // Jawhara FM (ANT corpus)
  it.each([
    ['في البلاغ الصادر بالصحف التونسية يوم 21 جوان 2016 حول آجال', '21 جوان 2016', '2016-06-21'],
    ['لن يعمل عليها تطبيق "واتسات" بدءا من 1 جانفي 2017: iPhone', '1 جانفي 2017', '2017-01-01'],
    ['برنامج "سينما سينما" مساء يوم الخميس 18 ماي 2017، أنّه استغل', 'مساء يوم الخميس 18 ماي 2017', '2017-05-18'],
    ['ومة المكلف يوسف الشاهد، السبت 20 أوت 2016، عن تشكيلة حكومة', 'السبت 20 أوت 2016', '2016-08-20'],
    ['ية مخرجي الأفلام التونسيين من 18 الى 22 فيفري 2015 الدورة الرابعة', '22 فيفري 2015', '2015-02-22'],
    ['انتقل إلى جوار ربّه يوم 14 نوفمبر 2016 عن سنّ تناهز', '14 نوفمبر 2016', '2016-11-14'],
  ])('%s', (text, sub, date) => {
    expect(mention(text, sub).date).toBe(date)
  })

  it('reads جويلية, أفريل and yearless dates against the reference: "يوم 5 جويلية الجاري"', () => {
    expect(mention('ستكون متوفرة يوم 5 جويلية الجاري بشبابيك المسرح', undefined, '2017-06-20')).toMatchObject({
      text: '5 جويلية الجاري',
      date: '2017-07-05',
      relative: true,
      resolved: true,
    })
    expect(mention('سافر رضا مامي إلى هذين البلدين في أواخر أفريل 2017، لتقديم الكتاب')).toMatchObject({
      text: 'أواخر أفريل 2017',
      date: '2017-04',
      precision: 'month',
      part: 'late',
    })
  })

  it('gives the first day of a range its own mention: "من 8 إلى 12 أفريل الحالي"', () => {
    const ms = all('للمهرجان الدولي لفن المهرج من 8 إلى 12 أفريل الحالي، بمشاركة أعمال فنية', '2017-04-01')
    expect(ms.map((m) => [m.text, m.date])).toEqual([
      ['8', '2017-04-08'],
      ['12 أفريل الحالي', '2017-04-12'],
    ])
  })
})

describe('Gregorian months: Moroccan names (invented sentences)', () => {
  it.each([
    ['ووقع الاتفاق في 14 غشت 2016 بالرباط', '14 غشت 2016', '2016-08-14'],
    ['ولد في 3 يوليوز 1999 بمدينة فاس', '3 يوليوز 1999', '1999-07-03'],
    ['انطلقت الدورة في 20 شتنبر 2018 بمراكش', '20 شتنبر 2018', '2018-09-20'],
    ['وتوفي في نونبر 2010 بالدار البيضاء', 'نونبر 2010', '2010-11'],
    ['وتنتهي الأشغال في 31 دجنبر 2019', '31 دجنبر 2019', '2019-12-31'],
    ['وصدر القرار في 2 ماي 2012', '2 ماي 2012', '2012-05-02'],
  ])('%s', (text, sub, date) => {
    expect(mention(text, sub).date).toBe(date)
  })
})

describe('double month forms', () => {
  it.each([
    ['نشرت نتائجه المفوضية الاوروبية في نهاية تموز/يوليو.', 'نهاية تموز/يوليو', '2015-07'],
    ['بعد 14 يناير (كانون الثاني) 2011 استغلوا حالة الانفلات', '14 يناير (كانون الثاني) 2011', '2011-01-14'],
    ['إلى إيواكوني في اليابان في يناير كانون الثاني عام 2017 لكن إعلان', 'يناير كانون الثاني عام 2017', '2017-01'],
    ['منذ أن قررت في نوفمبر (تشرين الثاني) 2014 حماية حصتها', 'نوفمبر (تشرين الثاني) 2014', '2014-11'],
    ['تسليم ديسمبر(كانون الأول) 0.3% إلى 1092.30 دولار', 'ديسمبر(كانون الأول)', '2015-12'],
    ['لاعتداءين انتحاريين منذ حزيران - يونيو الماضي. وأوقعت', 'حزيران - يونيو الماضي', '2015-06'],
  ])('%s', (text, sub, date) => {
    expect(mention(text, sub).date).toBe(date)
  })

  it('keeps الماضي / المقبل after the twin: "في الأول من يوليو (تموز) الماضي"', () => {
    expect(mention('الجديدة التي أعلنها في الأول من يوليو (تموز) الماضي، الجنرال مارتن ديمبسي')).toMatchObject({
      text: 'الأول من يوليو (تموز) الماضي',
      date: '2015-07-01',
      relative: true,
    })
    expect(dateOf('والمقرر إقامتها في الـ 22 من كانون الأول (ديسمبر) المقبل لمدة عام')).toBe('2015-12-22')
  })
})

describe('month names that are also ordinary words', () => {
  it('takes مارس, آب, ماي, يوليه only with a day, a year, شهر or a twin', () => {
    expect(all('مارس الرياضة منذ صغره، وكان أبوه يمارس المهنة')).toEqual([])
    expect(all('أن هذا الملف يوليه رئيس الاتحاد أحمد عيد اهتماما')).toEqual([])
    expect(all('وقال الأب إن ابنه مارس الضغط على اللاعبين')).toEqual([])
    expect(dateOf('ستقام من 13 إلى 15 مارس ومن 6 الى 8 أفريل', '15 مارس')).toBe('2015-03-15')
    expect(dateOf('سيكون الأحد المقبل الموافق التاسع من آب (أغسطس). وتم احتساب', 'الأحد المقبل الموافق التاسع من آب (أغسطس)')).toBe('2015-08-09')
    expect(dateOf('مهرجان كان السينمائي (ماي 2017).')).toBe('2017-05')
  })

  it('takes an unambiguous month alone only after a preposition or a part word', () => {
    expect(all('وقال إن يوليو كان شهرا صعبا')).toEqual([])
    expect(dateOf('ي المتوسط 1.1 مليون برميل يوميا في تموز (يوليو) وفقا لنتائج مسح')).toBe('2015-07')
    expect(dateOf('مشيرا إلى أن مؤتمرا كبيرا سيعقد في آذار (مارس) المقبل بمشاركة')).toBe('2016-03')
  })
})

describe('Hijri dates (Umm al-Qura)', () => {
  it('converts "25 شوال 1436هـ" and keeps the Hijri date', () => {
    expect(mention('تبدأ الدراسة في 25 شوال 1436هـ في جميع المدارس')).toMatchObject({
      text: '25 شوال 1436هـ',
      date: '2015-08-10',
      precision: 'day',
      hijri: '1436-10-25',
      calendar: 'hijri',
    })
  })

  it('knows all month names and their spellings', () => {
    const names: [string, number][] = [
      ['محرم', 1], ['صفر', 2], ['ربيع الأول', 3], ['ربيع الاول', 3], ['ربيع الآخر', 4], ['ربيع الثاني', 4],
      ['جمادى الأولى', 5], ['جمادى الأول', 5], ['جمادى الآخرة', 6], ['جمادى الثانية', 6], ['رجب', 7], ['شعبان', 8],
      ['رمضان', 9], ['شوال', 10], ['ذو القعدة', 11], ['ذي القعدة', 11], ['ذو الحجة', 12], ['ذي الحجة', 12],
    ]
    for (const [name, month] of names) {
      expect(mention(`في 10 ${name} 1436هـ`).hijri).toBe(`1436-${String(month).padStart(2, '0')}-10`)
    }
  })

  it('accepts هـ, ه, هجري and no marker after a Hijri month', () => {
    for (const mark of ['هـ', ' هـ', 'ه', ' هجري', ' هجرية', '']) expect(mention(`في 9 رمضان 1436${mark} وقع`).date).toBe('2015-06-26')
  })

  it('reads "16 رمضان عام 1395هـ (1975م)": the Hijri day is more precise than its Gregorian year', () => {
    expect(mention('ومنذ تأسيسها في 16 رمضان عام 1395هـ (1975م) وعلى مدى تجربتها')).toMatchObject({
      text: '16 رمضان عام 1395هـ (1975م)',
      date: '1975-09-22',
      precision: 'day',
      hijri: '1395-09-16',
    })
  })

  it('reads غرة as the first day: "يومي 28 فيفري الجاري وغرة مارس 2017", "غرة شهر رمضان 1436هـ"', () => {
    expect(dateOf('س"، يومي 28 فيفري الجاري وغرة مارس 2017، وفق الصغير', 'غرة مارس 2017')).toBe('2017-03-01')
    expect(mention('ويبدأ الصيام غرة شهر رمضان 1436هـ')).toMatchObject({ date: '2015-06-18', hijri: '1436-09-01' })
  })

  it('reads a yearless Hijri date against the reference: "في ١٤ من رمضان الماضي", "27 شوال الجاري"', () => {
    expect(mention('في ١٤ من رمضان الماضي أصدر وزير التعليم الدكتور عزام الدخيل')).toMatchObject({
      date: '2015-07-01',
      hijri: '1436-09-14',
      relative: true,
    })
    expect(dateOf('تشتمل عروض المهرجان التي ستمتد من 27 شوال الجاري إلى السادس', '27 شوال الجاري', '2015-08-04')).toBe('2015-08-12')
    expect(mention('الانتخابية في السابع من ذي القعدة المقبل، بهدف حشد المواطنين', undefined, '2015-08-04')).toMatchObject({
      date: '2015-08-22',
      hijri: '1436-11-07',
    })
  })

  it('reads Hijri years: "منذ عام ١٣٩٤ه", unmarked "عام 1435", "العام 1399 هجرية"', () => {
    expect(mention('تولى رئاسة تحرير جريدة «الرياض» منذ عام ١٣٩٤ه حتى', 'عام ١٣٩٤ه')).toMatchObject({
      date: '1974',
      precision: 'year',
      hijri: '1394',
      calendar: 'hijri',
    })
    expect(mention('بدء العمل في نظام الفسح الالكتروني عام 1435 في جميع المنافذ')).toMatchObject({ date: '2014', hijri: '1435' })
    expect(mention('في عهد الملك خالد بن عبدالعزيز رحمه الله في العام 1399 هجرية".')).toMatchObject({ date: '1979', hijri: '1399' })
  })

  it('does not take شهر رمضان alone, or رجب / شعبان as names', () => {
    expect(all('ويكثر الإقبال في شهر رمضان المبارك على المساجد')).toEqual([])
    expect(all('وقال الرئيس رجب طيب أردوغان إن')).toEqual([])
    expect(all('وكشف اللواء شعبان محمد عن')).toEqual([])
  })
})

describe('Hijri and Gregorian twins ("… الموافق …")', () => {
  it('makes one date of "25 شوال 1436هـ الموافق 10 أغسطس 2015م"; the Gregorian twin wins', () => {
    const t = 'في القاهرة يوم الاثنين المقبل (25 شوال 1436هـ الموافق 10 أغسطس 2015م) . '
    const ms = all(t)
    expect(ms).toHaveLength(1)
    expect(ms[0]).toMatchObject({
      text: 'يوم الاثنين المقبل (25 شوال 1436هـ الموافق 10 أغسطس 2015م',
      date: '2015-08-10',
      precision: 'day',
      hijri: '1436-10-25',
      calendar: 'gregorian',
    })
    expect(ms[0]!.relative).toBeUndefined()
  })

  it.each([
    ['سهم الشركة ابتداءً من يوم الاثنين 18 /10 /1436هـ الموافق 03 /08 /2015م على أن تعلن', 'يوم الاثنين 18 /10 /1436هـ الموافق 03 /08 /2015م', '2015-08-03', '1436-10-18'],
    ['إغلاق سهم بنك الرياض؛ بتاريخ السادس من شوال 1436، الموافق 22 يوليو 2015، على 16.70 ريالاً', 'السادس من شوال 1436، الموافق 22 يوليو 2015', '2015-07-22', '1436-10-06'],
    ['قبل فجر ذلك اليوم 15/10/1419هـ، الموافق 1/2/1999م، فبينما كنت', '15/10/1419هـ، الموافق 1/2/1999م', '1999-02-01', '1419-10-15'],
    ['بريزبن في استراليا في التاسع من شهر رمضان 1436ه الموافق السادس والعشرين من شهر يونيو (حزيران) 2015م، قرار', 'التاسع من شهر رمضان 1436ه الموافق السادس والعشرين من شهر يونيو (حزيران) 2015م', '2015-06-26', '1436-09-09'],
    ['الوطني للقياس والتقويم يوم الأربعاء 13/10/1436هـ الموافق 29/7/2015. تهدف', 'يوم الأربعاء 13/10/1436هـ الموافق 29/7/2015', '2015-07-29', '1436-10-13'],
  ])('%s', (text, sub, date, hijri) => {
    expect(mention(text, sub)).toMatchObject({ date, hijri, precision: 'day', calendar: 'gregorian' })
    expect(all(text)).toHaveLength(1)
  })

  it('pairs a year with a year: "1436هـ الموافق 26 يوليو 2015", "(1428هـ 2007م)", "1384هـ/1964م"', () => {
    expect(mention('بدأ العمل في 1436هـ الموافق 26 يوليو 2015 بعد')).toMatchObject({ date: '2015-07-26', hijri: '1436', precision: 'day' })
    expect(mention('المنطقة مبادرة سوق عكاظ منذ العام (1428هـ 2007م) ـ لا ينطلق', '1428هـ 2007م')).toMatchObject({ date: '2007', hijri: '1428' })
    expect(mention('منذ نشأتها حتى عام 1384هـ/1964م" للدكتور')).toMatchObject({ text: 'عام 1384هـ/1964م', date: '1964', hijri: '1384' })
  })

  it('gives the Gregorian date first too: "15/8/2015م الموافق30 شوال"', () => {
    expect(mention('فالاحساء تبدأ شهر أغسطس 15/8/2015م الموافق30 شوال، وتوقع خبراء', '15/8/2015م الموافق30 شوال')).toMatchObject({
      date: '2015-08-15',
      hijri: '1436-10-30',
    })
  })

  it('dates a yearless Hijri twin from its Gregorian twin: "شوال الجاري الموافق الأول من أغسطس 2015م"', () => {
    const t = 'أعمالها منذ الخامس عشر من شهر شوال الجاري الموافق الأول من أغسطس 2015م، وذلك بفرز'
    expect(mention(t, 'الخامس عشر من شهر شوال الجاري الموافق الأول من أغسطس 2015م', null)).toMatchObject({
      date: '2015-08-01',
      hijri: '1436-10-15',
    })
  })
})

describe('dates in digits', () => {
  it.each([
    ['وتاريخ 25 / 6 / 1436هـ ، قرر مجلس الوزراء', '25 / 6 / 1436هـ', '2015-04-14', '1436-06-25'],
    ['استشهدوا يوم الجمعة 1436/10/15هـ بعد تعرضهم', 'يوم الجمعة 1436/10/15هـ', '2015-07-31', '1436-10-15'],
    ['وتاريخ 15/6/1435، ورقم 53/30 وتاريخ 25/6/1436، على نظام', '25/6/1436', '2015-04-14', '1436-06-25'],
    ['من يوم الأحد القادم الموافق 24- 10 – 1436هـ وحتى نهاية دوام', 'يوم الأحد القادم الموافق 24- 10 – 1436هـ', '2015-08-09', '1436-10-24'],
    ['من صباح أمس الجمعة الموافق 15/ 10/ 1436 هـ تعرضت دورية', 'صباح أمس الجمعة الموافق 15/ 10/ 1436 هـ', '2015-07-31', '1436-10-15'],
  ])('Hijri: %s', (text, sub, date, hijri) => {
    expect(mention(text, sub)).toMatchObject({ date, hijri, precision: 'day', calendar: 'hijri' })
  })

  it('reads Gregorian day/month/year, ISO and Arabic-Indic digits', () => {
    expect(dateOf('وقعت في 26/7/2021 في بغداد')).toBe('2021-07-26')
    expect(dateOf('وقعت في 26-7-2021 في بغداد')).toBe('2021-07-26')
    expect(dateOf('نشر بتاريخ 2021-07-26 على الموقع')).toBe('2021-07-26')
    expect(dateOf('وقعت في ٢٦/٧/٢٠٢١ في بغداد')).toBe('2021-07-26')
    expect(dateOf('وقعت في ۲۶/۷/۲۰۲۱ في بغداد')).toBe('2021-07-26')
  })

  it('rejects impossible dates, scores and numbers after رقم', () => {
    expect(all('وقعت في 31/2/2015 وفي 12/13/2015')).toEqual([])
    expect(all('فاز الهلال 2-1 على النصر')).toEqual([])
    expect(all('القرار رقم 12/3/2015 الصادر')).toEqual([])
  })
})

describe('years alone', () => {
  it('reads a year after عام / العام / سنة / للعام (seed)', () => {
    const t = 'من خلال هزيمة تنظيم داعش الوهابي الارهابي عام 2018. كما في السنوات التي تلت عام 2003. برئاسة مصطفى الكاظمي في العام 2020، انطلقت'
    for (const [sub, date] of [['عام 2018', '2018'], ['عام 2003', '2003'], ['العام 2020', '2020']])
      expect(mention(t, sub)).toMatchObject({ date, precision: 'year', calendar: 'gregorian' })
    expect(dateOf('وذلك في سنة 1990 بعد الغزو')).toBe('1990')
    expect(mention('أداء الأشهر السبعة الأولى لعام 2015 للعقار السكني').text).toBe('عام 2015')
  })

  it('reads years with م and Arabic-Indic digits: "عام ٢٠٠٤م", "للعام الحالي 2015م"', () => {
    expect(mention('انتخب رئيساً لهيئة الصحفيين السعوديين عام ٢٠٠٤م.')).toMatchObject({ text: 'عام ٢٠٠٤م', date: '2004' })
    expect(dateOf('في دورتها الثامنة للعام الحالي 2015م. حيث تعتبر', '2015م')).toBe('2015')
  })

  it('reads a year after في / منذ / حتى / بحلول when nothing is counted after it', () => {
    expect(dateOf('ليبيا عقب الإطاحة بحكم الإخوان في 2013، خاصة جماعة حازمون')).toBe('2013')
    expect(dateOf('ليسجل أكبر نزول شهري منذ 2008، وهو ما ضغط على')).toBe('2008')
    expect(dateOf('من أجانب الأهلي مستمرون حتى 2018 ! )')).toBe('2018')
    expect(all('وفي 2500 موقع آخر')).toEqual([])
    expect(all('وسجل في 2015 نقطة')).toEqual([])
  })

  it('reads a year after a preposition at the end of a sentence, not a decimal number', () => {
    expect(dateOf('وهي أعلى نسبة منذ 2008.')).toBe('2008')
    expect(dateOf('لم يكن الوضع كذلك قبل 2011. وبعدها تغير')).toBe('2011')
    expect(all('ارتفع المؤشر في 2015.5 نقطة')).toEqual([])
  })

  it('reads both years of "بين عامي 1960 و1970", never a year before Christ', () => {
    const ms = all('التي تسمى "الغيتوات"، بين عامي 1960 و1970، وزيادة عدد')
    expect(ms.map((m) => [m.text, m.date])).toEqual([
      ['عامي 1960', '1960'],
      ['1970', '1970'],
    ])
    expect(all('حكم تقريبا بين عامي 1482 و1450 قبل الميلاد وكان')).toEqual([])
    expect(all('في عام 1200 قبل الميلاد')).toEqual([])
  })
})

describe('numbers that are not dates', () => {
  it('skips the seed non-dates: رقم 1790, 4 صواريخ, 240 ملم, 2500 جندي', () => {
    const t =
      'وكان أساس هذه الاتفاقية هو قرار الأمم المتحدة رقم 1790. تم استهداف القاعدة بـ 4 صواريخ من عيار 240 ملم. على بقاء هذه القوات التي يبلغ عديد افرادها 2500 جندي'
    expect(all(t)).toEqual([])
  })

  it('skips numbers before units even after عام or في', () => {
    expect(all('بلغ عدد الزوار في 2000 شخص')).toEqual([])
    expect(all('ارتفع بنسبة 2015% في')).toEqual([])
    expect(all('خلال العام 2015 مليون')).toEqual([])
  })
})

describe('parts of periods and quarters', () => {
  it('marks parts of years (precision "part") and of months (precision "month" + part) (seed)', () => {
    const t = 'لم تكد تمر أيام قليلة على بداية العام 2022، حتى عادت. بحلول نهاية عام 2011، وكان. فكانت أواخر العام 2021، حينما تم الإعلان نهاية شهر كانون الأول، أن'
    expect(mention(t, 'بداية العام 2022')).toMatchObject({ date: '2022', precision: 'part', part: 'early' })
    expect(mention(t, 'نهاية عام 2011')).toMatchObject({ date: '2011', precision: 'part', part: 'late' })
    expect(mention(t, 'أواخر العام 2021')).toMatchObject({ date: '2021', precision: 'part', part: 'late' })
    // the yearless month takes its year from the explicit year earlier in the sentence
    expect(mention(t, 'نهاية شهر كانون الأول', null)).toMatchObject({ date: '2021-12', precision: 'month', part: 'late', resolved: true })
  })

  it.each([
    ['إعدام غيابيا قبل القبض عليه مطلع يونيو (حزيران) الماضي.', 'مطلع يونيو (حزيران) الماضي', '2015-06', 'month', 'early'],
    ['ة الذي دشنها النادي منتصف شهر يوليو (تموز) الماضي بالش', 'منتصف شهر يوليو (تموز) الماضي', '2015-07', 'month', 'mid'],
    ['2 تريليون دولار منذ بداية العام الحالي بزيادة 41 في المائة', 'بداية العام الحالي', '2015', 'part', 'early'],
    ['زيارة رسمية لإيران في نهاية العام أو بداية 2016 لمناقشة', 'نهاية العام', '2015', 'part', 'late'],
    ['زيارة رسمية لإيران في نهاية العام أو بداية 2016 لمناقشة', 'بداية 2016', '2016', 'part', 'early'],
    ['ل الإعلام المقبولة بنهاية الشهر الحالي.', 'نهاية الشهر الحالي', '2015-08', 'month', 'late'],
    ['ة والتجارة مع إيران مطلع العام المقبل.', 'مطلع العام المقبل', '2016', 'part', 'early'],
    ['وارتفعت المبيعات في أواسط عام 2014 إلى', 'أواسط عام 2014', '2014', 'part', 'mid'],
    ['للمتحف (نهاية جانفي 2017) و"البينالي', 'نهاية جانفي 2017', '2017-01', 'month', 'late'],
  ])('%s', (text, sub, date, precision, part) => {
    expect(mention(text, sub)).toMatchObject({ date, precision, part })
  })

  it('reads quarters: "الربع الأول من عام 2015", "في الربع الثاني من العام"', () => {
    expect(mention('ارتفعت الأرباح في الربع الأول من عام 2015 بنسبة')).toMatchObject({
      text: 'الربع الأول من عام 2015',
      date: '2015',
      precision: 'part',
      part: 'q1',
    })
    expect(mention('أميركي بنسبة 3ر2 في المائة في الربع الثاني من العام.')).toMatchObject({
      text: 'الربع الثاني من العام',
      date: '2015',
      part: 'q2',
      relative: true,
    })
    expect(mention('بنسبة 3.\u200f2 في المائة في الربع الثاني، وهو ما يقل')).toMatchObject({ text: 'الربع الثاني', part: 'q2' })
    expect(mention('وسجلت الشركة خسائر في الربع الأخير من 2014')).toMatchObject({ date: '2014', part: 'q4' })
    expect(all('تقرير عائداتها عن الربع الثالث من السنة المالية وهو')).toEqual([])
  })
})

describe('relative expressions', () => {
  const SEED_REF = '2022-01-05' // a Wednesday

  it('resolves "فجر اليوم الأربعاء" and "يوم الاثنين" against the publication date (seed)', () => {
    const t = 'ففي وقت مبكر من فجر اليوم الأربعاء، تم استهداف قاعدة النصر. أما يوم الاثنين، والذي صادف الذكرى السنوية الثانية'
    expect(mention(t, 'فجر اليوم الأربعاء', SEED_REF)).toMatchObject({ date: '2022-01-05', precision: 'day', relative: true, resolved: true })
    expect(mention(t, 'يوم الاثنين', SEED_REF)).toMatchObject({ date: '2022-01-03', precision: 'day', relative: true, resolved: true })
  })

  it('leaves them unresolved, with what they mean, when there is no reference date', () => {
    const m = mention('ففي وقت مبكر من فجر اليوم الأربعاء، تم استهداف', 'فجر اليوم الأربعاء', null)
    expect(m).toMatchObject({ date: '', relative: true, resolved: false, rel: { unit: 'day', n: 0 } })
    expect(mention('أما يوم الاثنين، والذي صادف', 'يوم الاثنين', null).rel).toEqual({ unit: 'weekday', weekday: 1, dir: 'last' })
  })

  it.each([
    ['أصدرت الحكومة اليمنية، أمس، توجيها جديدا', 'أمس', '2015-08-06', 'day'],
    ['وقال المتحدث في بيان أمس الأحد إن ذلك', 'أمس الأحد', '2015-08-02', 'day'], // the weekday wins over a late reference
    ['قررت محكمة جنايات القاهرة أول من أمس مد أجل النطق', 'أول من أمس', '2015-08-05', 'day'],
    ['الخاصة بالفريق البارحة الأولى التي حملت', 'البارحة الأولى', '2015-08-05', 'day'],
    ['لمدني بالمدينة المنورة كان قد تبلغ عصر أمس عن وقوع حادث', 'عصر أمس', '2015-08-06', 'day'],
    ['وحالة الطقس ليوم غدٍ هطول أمطار رعدية', 'يوم غدٍ', '2015-08-08', 'day'],
    ['تنطلق غداً فعاليات المهرجان', 'غداً', '2015-08-08', 'day'],
    ['يعقد الاجتماع بعد غد في الرياض', 'بعد غد', '2015-08-09', 'day'],
    ['للطفل الفلسطيني على الدوابشة يوم الجمعة الماضي في نابلس', 'يوم الجمعة الماضي', '2015-07-31', 'day'],
    ['والتقى الاثنان في ماليزيا الجمعة الماضية. وأضاف', 'الجمعة الماضية', '2015-07-31', 'day'],
    ['ويبدأ التسجيل الأربعاء المقبل في جميع الفروع', 'الأربعاء المقبل', '2015-08-12', 'day'],
    ['رج المئات من المواطنين والناشطين ، مساء الجمعة، في ساحة التحرير', 'مساء الجمعة', '2015-08-07', 'day'],
    ['قالت الشرطة الاثنين إن أربعة قتلوا', 'الاثنين', '2015-08-03', 'day'],
    ['الذهب للأسبوع السادس على التوالي الأسبوع الماضي في أطول', 'الأسبوع الماضي', '2015-07-31', 'week'],
    ['ل إلى الاتفاق النووي في فيينا منتصف الشهر الماضي. ووجهت', 'منتصف الشهر الماضي', '2015-07', 'month'],
    ['مقرا له خلال الشهر المقبل.', 'الشهر المقبل', '2015-09', 'month'],
    ['تهريب مقيدات عبر المنافذ السعودية العام الماضي بنسبة 25 في المائة', 'العام الماضي', '2014', 'year'],
    ['ليست البرامج المهرجانية هذا العام هي الأفضل', 'هذا العام', '2015', 'year'],
    ['ها أول طائرة منها خلال شهر مايو من العام المقبل.', 'شهر مايو من العام المقبل', '2016-05', 'month'],
    ['بكتاب سابق صدر في اكتوبر من العام الماضي عن رئيس', 'اكتوبر من العام الماضي', '2014-10', 'month'],
    ['في الـ 12 من أغسطس الجاري على ملعب بارك كوينز', 'الـ 12 من أغسطس الجاري', '2015-08-12', 'day'],
    ['يبدأ التسجيل في الأول من الشهر المقبل', 'الأول من الشهر المقبل', '2015-09-01', 'day'],
    // Tunisian: الفارط / المنقضي for "last", الموالي for "next"
    ['مقارنة بنفس الفترة من السنة الفارطة حسب المعهد', 'السنة الفارطة', '2014', 'year'],
    ['تراجع عدد السياح خلال الشهر المنقضي بنسبة 10 بالمائة', 'الشهر المنقضي', '2015-07', 'month'],
    ['وسيعقد المؤتمر خلال الأسبوع الموالي في العاصمة', 'الأسبوع الموالي', '2015-08-14', 'week'],
  ])('%s', (text, sub, date, precision) => {
    expect(mention(text, sub)).toMatchObject({ date, precision, relative: true, resolved: true })
  })

  it('trusts the weekday next to اليوم / أمس when the reference is a crawl date a day late', () => {
    // crawled 2015-08-09 (a Sunday), published on Saturday
    expect(dateOf('ر الخارجية الإيراني محمد جواد ظريف اليوم السبت اتهامات بأن بلاده', 'اليوم السبت', '2015-08-09')).toBe('2015-08-08')
    expect(dateOf('د الآجلة للنفط الخام تراجعها، أمس (الجمعة)، بفعل المكاسب', 'أمس (الجمعة)', '2015-08-09')).toBe('2015-08-07')
    expect(dateOf('ى ملعب النادي بمدينة سيهات يوم غد (الأحد) تأهبًا للموسم', 'يوم غد (الأحد)', '2015-08-01')).toBe('2015-08-02')
  })

  it('reads a bare weekday after a future verb as the coming one: "وستنطلق يوم الأحد"', () => {
    expect(dateOf('وستنطلق يوم الأحد البطولة', 'يوم الأحد')).toBe('2015-08-09')
    expect(dateOf('وانطلقت يوم الأحد البطولة', 'يوم الأحد')).toBe('2015-08-02')
  })

  it('places a yearless date near the reference: "في 24 يوليو" in August, "في سبتمبر" in August', () => {
    expect(dateOf('تشددي الدولة الإسلامية في سوريا في 24 يوليو فيما وصفه')).toBe('2015-07-24')
    expect(dateOf('سيرفع أسعار الفائدة في سبتمبر (أيلول) .')).toBe('2015-09')
    expect(dateOf('في 24 يوليو فيما', undefined, '2016-01-10')).toBe('2015-07-24')
  })

  it('does not take اليوم in names and idioms', () => {
    expect(all('الاحتفال باليوم الوطني يقام في الرياض')).toEqual([])
    expect(all('ويتناول الدواء مرتين في اليوم')).toEqual([])
    expect(all('مازن القحطاني – عين اليوم  عرض برنامج صدى الملاعب')).toEqual([])
    expect(all('وفي اليوم التالي عاد الوفد')).toEqual([])
    expect(all('تحدث لـ«اليوم» مدير الإدارة')).toEqual([])
    expect(all('ولامس الألومنيوم أدنى مستوى')).toEqual([])
    expect(all('وأدى المصلون صلاة الجمعة في المسجد')).toEqual([])
    expect(all('وقسم المبلغ بين الاثنين بالتساوي')).toEqual([])
  })
})

describe('robust matching', () => {
  it('ignores diacritics and tatweel and keeps them in the mention text', () => {
    expect(mention('وقعت في الـ 26 مِنْ تَمّـوز 2021 في بغداد')).toMatchObject({ text: 'الـ 26 مِنْ تَمّـوز 2021', date: '2021-07-26' })
    expect(mention('غدًا الخميس', undefined, '2015-08-05')).toMatchObject({ text: 'غدًا الخميس', date: '2015-08-06' })
  })

  it('leaves attached prefixes out: "بـ26 يوليو", "وفي يناير 2014", "ولعام 2015", "وبالعام 2003"', () => {
    expect(mention('احتفل بـ26 يوليو 2014 في')).toMatchObject({ text: '26 يوليو 2014' })
    expect(mention('وفي يناير 2014 عاد')).toMatchObject({ text: 'يناير 2014' })
    expect(mention('الخطة ولعام 2015 كاملا')).toMatchObject({ text: 'عام 2015' })
    expect(mention('كما بالعام 2003 تماما')).toMatchObject({ text: 'العام 2003' })
    expect(mention('ومنذ 2003، تغير')).toMatchObject({ text: '2003' })
  })

  it('returns mentions sorted, without overlaps, each the exact original substring', () => {
    const t =
      'في القاهرة يوم الاثنين المقبل (25 شوال 1436هـ الموافق 10 أغسطس 2015م). وكان ذلك منذ العام 2003، وفي نهاية شهر كانون الأول 2011 وأمس الأربعاء.'
    const ms = all(t)
    expect(ms.length).toBeGreaterThanOrEqual(4)
    for (let i = 0; i < ms.length; i++) {
      expect(t.slice(ms[i]!.start, ms[i]!.end)).toBe(ms[i]!.text)
      if (i > 0) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end)
    }
  })

  it('returns nothing for empty or date-free text', () => {
    expect(all('')).toEqual([])
    expect(all('لا تاريخ في هذه الجملة على الإطلاق')).toEqual([])
  })
})
