// Near-duplicates: reprints and light edits are imported and linked to the earlier article, exact
// duplicates are skipped, re-importing changes nothing, undoing a batch removes its links.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusPath, hasCorpus } from '../../../test-support/corpus'
import { tempDir } from '../../../test-support/tmp'
import { Archive } from '../archive/archive'
import { importPaths } from './importer'
import { linkedArticles, LINK_THRESHOLD, NearDuplicateIndex } from './near-duplicates'
import { estimateSimilarity, signatureOf } from './near-duplicates-signature'

// A wire story (written for this test) and what outlets make of it.
const WIRE = [
  'الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس',
  'أعلنت وزارة المياه والكهرباء اليوم عن بدء تشغيل محطة تحلية جديدة في مدينة ينبع بطاقة إنتاجية تبلغ مئة ألف متر مكعب يوميا، تكفي لتلبية احتياجات أكثر من نصف مليون نسمة في المنطقة.',
  'وأوضح المتحدث الرسمي باسم الوزارة أن المحطة الجديدة تعمل بتقنية التناضح العكسي، وأنها ستسهم في تخفيف الضغط على شبكة المياه خلال أشهر الصيف التي يرتفع فيها الاستهلاك إلى مستويات قياسية.',
  'وأضاف أن الوزارة تعمل على إنشاء ثلاث محطات أخرى في المنطقة الغربية خلال العامين المقبلين، ضمن خطة شاملة لتطوير البنية التحتية لقطاع المياه في المملكة.',
]
// Reprinted: the dateline replaced by the paper's own, diacritics and hamza written differently,
// a number spelled out, the last sentence cut.
const REPRINT = [
  'ينبع – الوطن',
  'أعلنت وزارة المياه والكهرباء اليوم عن بدء تشغيل محطة تحلية جديدة في مدينة ينبع بطاقة انتاجية تبلغ مئة الف متر مكعب يومياً، تكفي لتلبية احتياجات أكثر من نصف مليون نسمة في المنطقة.',
  'وأوضح المتحدثُ الرسميُّ باسم الوزارة أن المحطة الجديدة تعمل بتقنية التناضح العكسي، وأنها ستسهم في تخفيف الضغط على شبكة المياه خلال أشهر الصيف التي يرتفع فيها الاستهلاك الى مستويات قياسية.',
  'وأضاف أن الوزارة تعمل على إنشاء ثلاث محطات أخرى في المنطقة الغربية خلال العامين المقبلين.',
]
const UNRELATED = [
  'جدة – عكاظ',
  'افتتح نادي الاتحاد موسمه الرياضي الجديد بمباراة ودية أمام فريق من الدوري المصري انتهت بالتعادل الإيجابي بهدفين لمثلهما على ملعب مدينة الملك عبدالله الرياضية بحضور جماهيري كبير.',
  'وقال مدرب الفريق في المؤتمر الصحفي عقب المباراة إن اللاعبين قدموا أداء جيدا رغم غياب عدد من الأساسيين بسبب الإصابة، مؤكدا أن الفريق سيكون جاهزا لانطلاق الدوري بعد أسبوعين.',
]

const article = (title: string, date: string, source: string, paragraphs: string[]) => `${title}\n${date}\nالمصدر: ${source}\n\n${paragraphs.join('\n\n')}\n`

describe('an index that keeps rows in memory until the commit (the importer\'s)', () => {
  it('compares with articles not written yet, forgets the rolled-back ones, and writes the rest at flush', () => {
    const archive = Archive.open(join(tempDir(), 'archive'))
    // Explicit ids, as the archive gives them: never one of a removed article.
    let lastId = 0
    const insertRow = archive.db.prepare(`INSERT INTO articles (id, title, body, content_hash) VALUES (?, ?, '', ?)`)
    const insert = { run: (title: string, hash: string) => insertRow.run(++lastId, title, hash) }
    const index = new NearDuplicateIndex(archive.db, { inMemory: true })
    const signed = (paragraphs: string[]) => signatureOf(paragraphs.join('\n'))!
    archive.db.transaction(() => {
      const wire = Number(insert.run('wire', 'h1').lastInsertRowid)
      expect(index.addSigned(wire, signed(WIRE), null)).toEqual([])
      // A unit rolled back after its article was signed: its signature must not be compared with, nor written.
      const mark = index.pendingMark()
      const gone = Number(insert.run('gone', 'h2').lastInsertRowid)
      index.addSigned(gone, signed(UNRELATED), null)
      index.discardSince(mark)
      archive.db.prepare('DELETE FROM articles WHERE id = ?').run(gone)
      const reprint = Number(insert.run('reprint', 'h3').lastInsertRowid)
      expect(index.addSigned(reprint, signed(REPRINT), null).map((l) => l.id)).toEqual([wire])
      const unrelated = Number(insert.run('unrelated', 'h4').lastInsertRowid)
      expect(index.addSigned(unrelated, signed(UNRELATED), null)).toEqual([])
      expect(archive.db.prepare('SELECT count(*) FROM article_signatures').pluck().get()).toBe(0)
      index.flush()
      expect(archive.db.prepare('SELECT article_id FROM article_signatures ORDER BY article_id').pluck().all()).toEqual([wire, reprint, unrelated])
      expect(archive.db.prepare('SELECT DISTINCT article_id FROM article_bands ORDER BY article_id').pluck().all()).toEqual([wire, reprint, unrelated])
    })()
    archive.close()
  })
})

describe('an index that has held enough in memory', () => {
  it('goes over to the database at a commit, not in a unit that may still roll back', () => {
    const archive = Archive.open(join(tempDir(), 'archive'))
    let lastId = 0
    const insertRow = archive.db.prepare(`INSERT INTO articles (id, title, body, content_hash) VALUES (?, ?, '', ?)`)
    const add = (title: string) => Number(insertRow.run(++lastId, title, title).lastInsertRowid)
    const index = new NearDuplicateIndex(archive.db, { inMemory: true, remember: 2 })
    const unit = archive.db.transaction((write: () => void) => write())
    const signed = (paragraphs: string[]) => signatureOf(paragraphs.join('\n'))!
    archive.db.exec('BEGIN')
    let wire = 0
    unit(() => void index.addSigned((wire = add('wire')), signed(WIRE), null))
    // The second article reaches the limit, and its unit then fails: rolled back.
    const mark = index.pendingMark()
    expect(() =>
      unit(() => {
        index.addSigned(add('second'), signed(UNRELATED), null)
        throw new Error('the unit fails after its article was signed')
      }),
    ).toThrow()
    index.discardSince(mark)
    index.flush()
    archive.db.exec('COMMIT')
    // The first unit's signature and bands were not lost with the second unit.
    expect(archive.db.prepare('SELECT article_id FROM article_signatures').pluck().all()).toEqual([wire])
    expect(archive.db.prepare('SELECT count(*) FROM article_bands WHERE article_id = ?').pluck().get(wire)).toBe(24)
    // From now on candidates come from the database: a reprint still finds the wire story.
    archive.db.exec('BEGIN')
    expect(index.addSigned(add('reprint'), signed(REPRINT), null).map((l) => l.id)).toEqual([wire])
    archive.db.exec('COMMIT')
    archive.close()
  })
})

describe('signatures', () => {
  it('are equal for texts that differ only in diacritics, tatweel and hamza forms', () => {
    const a = signatureOf(WIRE.join('\n'))!
    const b = signatureOf(WIRE.join('\n').replace(/أ/g, 'ا').replace(/ة/g, 'ه').replace(/المياه/g, 'المـــيَاه'))!
    expect(estimateSimilarity(a, b)).toBe(1)
  })

  it('estimate a reprint above the threshold and an unrelated story far below it', () => {
    const wire = signatureOf(WIRE.join('\n'))!
    expect(estimateSimilarity(wire, signatureOf(REPRINT.join('\n'))!)).toBeGreaterThanOrEqual(LINK_THRESHOLD)
    expect(estimateSimilarity(wire, signatureOf(UNRELATED.join('\n'))!)).toBeLessThan(0.1)
  })

  it('are not made for texts too short to compare', () => {
    expect(signatureOf('عاجل: انفجار في المدينة')).toBeNull()
  })
})

describe('importing near-duplicates', () => {
  const dir = tempDir()
  const wireDir = join(dir, 'wire')
  const papersDir = join(dir, 'papers')
  mkdirSync(wireDir)
  mkdirSync(papersDir)
  writeFileSync(join(wireDir, 'spa.txt'), article('محطة تحلية جديدة في ينبع', '2015-08-10', 'واس', WIRE))
  writeFileSync(join(papersDir, 'alwatan.txt'), article('تشغيل محطة تحلية في ينبع', '2015-08-11', 'الوطن', REPRINT))
  writeFileSync(join(papersDir, 'okaz.txt'), article('الاتحاد يتعادل وديا', '2015-08-11', 'عكاظ', UNRELATED))
  // The wire story again, reformatted: an exact duplicate.
  writeFileSync(join(papersDir, 'spa-copy.txt'), article('محطة تحلية جديدة في ينبع', '2015-08-10', 'واس', WIRE.map((p) => p.replace(/ /g, '  '))))
  const archive = Archive.open(join(dir, 'archive'))
  const idOf = (source: string) => archive.db.prepare('SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.name = ?').pluck().get(source) as number
  const linkCount = () => archive.db.prepare('SELECT count(*) FROM article_links').pluck().get() as number

  it('imports the reprint and links it to the wire story, both ways, with its similarity', async () => {
    await importPaths(archive, [wireDir], { origin: 'test' })
    const report = await importPaths(archive, [papersDir], { origin: 'test' })
    expect(report.counts).toMatchObject({ added: 2, duplicates: 1, nearDuplicates: 1 })
    expect(report.files.find((f) => f.file === 'alwatan.txt')).toMatchObject({ status: 'imported', added: 1, nearDuplicates: 1 })
    expect(report.files.find((f) => f.file === 'spa-copy.txt')).toMatchObject({ status: 'duplicate', duplicates: 1 })

    const reprint = linkedArticles(archive.db, idOf('الوطن'))
    expect(reprint).toHaveLength(1)
    expect(reprint[0]).toMatchObject({ id: idOf('واس'), title: 'محطة تحلية جديدة في ينبع', source: 'واس', relation: 'reprint_of' })
    expect(reprint[0]!.similarity).toBeGreaterThanOrEqual(LINK_THRESHOLD)
    expect(reprint[0]!.similarity).toBeLessThan(1)
    expect(linkedArticles(archive.db, idOf('واس'))).toEqual([{ ...reprint[0], id: idOf('الوطن'), title: 'تشغيل محطة تحلية في ينبع', source: 'الوطن', date: '2015-08-11', relation: 'reprinted_by' }])
    expect(linkedArticles(archive.db, idOf('عكاظ'))).toEqual([])
  })

  it('changes nothing when the same batch is imported again', async () => {
    const before = { articles: archive.articleCount(), links: linkCount(), generation: archive.articlesGeneration() }
    const again = await importPaths(archive, [papersDir], { origin: 'test' })
    expect(again.counts).toEqual({ files: 3, added: 0, duplicates: 3, failed: 0 })
    expect({ articles: archive.articleCount(), links: linkCount(), generation: archive.articlesGeneration() }).toEqual(before)
  })

  it('removes the batch links and bands when the batch is undone, and links again when re-imported', async () => {
    const batch = archive.db.prepare('SELECT batch_id FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.name = ?').pluck().get('الوطن') as number
    const reprintId = idOf('الوطن')
    archive.undoBatch(batch)
    expect(linkCount()).toBe(0)
    expect(archive.db.prepare('SELECT count(*) FROM article_bands WHERE article_id = ?').pluck().get(reprintId)).toBe(0)
    expect(archive.db.prepare('SELECT count(*) FROM article_signatures WHERE article_id = ?').pluck().get(reprintId)).toBe(0)
    expect(linkedArticles(archive.db, idOf('واس'))).toEqual([])

    const report = await importPaths(archive, [papersDir], { origin: 'test' })
    expect(report.counts).toMatchObject({ added: 2, nearDuplicates: 1 })
    expect(linkedArticles(archive.db, idOf('واس')).map((l) => l.source)).toEqual(['الوطن'])
  })
})

describe('a first import (candidates from memory) and a later one (from the database)', () => {
  // A bulletin of one formula, 120 times with other figures and places: a crowd in many bands,
  // more than the candidates looked at per band, and pairs on both sides of the threshold.
  const PLACES = ['الرياض', 'جدة', 'الدمام', 'مكة', 'المدينة', 'أبها', 'تبوك', 'حائل', 'جازان', 'نجران', 'الباحة', 'عرعر']
  const bulletin = (n: number) =>
    article(`نشرة الطقس رقم ${n}`, '2015-08-10', 'الأرصاد', [
      `توقعت الرئاسة العامة للأرصاد وحماية البيئة في نشرتها رقم ${n} أن تشهد منطقة ${PLACES[n % 12]} أمطارا رعدية متوسطة إلى غزيرة مصحوبة برياح نشطة تثير الأتربة والغبار.`,
      `وأوضحت أن درجات الحرارة العظمى ستبلغ ${30 + (n % 17)} درجة مئوية في ${PLACES[(n * 5) % 12]}، فيما تنخفض الصغرى إلى ${15 + (n % 9)} درجة في المرتفعات الجنوبية والغربية.`,
      n % 3 === 0 ? 'ودعت الرئاسة المواطنين والمقيمين إلى أخذ الحيطة والحذر والابتعاد عن مجاري السيول والأودية.' : `وأشارت إلى أن حالة البحر ستكون ${n % 2 ? 'متوسطة' : 'خفيفة'} الموج في البحر الأحمر والخليج العربي.`,
    ])
  const dir = tempDir()
  const folder = join(dir, 'bulletins')
  mkdirSync(folder)
  for (let n = 1; n <= 120; n++) writeFileSync(join(folder, `${String(n).padStart(3, '0')}.txt`), bulletin(n))
  const other = join(dir, 'other.txt')
  writeFileSync(other, article('الاتحاد يتعادل وديا', '2015-08-11', 'عكاظ', UNRELATED))
  const links = (archive: Archive) =>
    archive.db
      .prepare('SELECT a.title AS reprint, o.title AS original, l.similarity FROM article_links l JOIN articles a ON a.id = l.article_id JOIN articles o ON o.id = l.original_id ORDER BY 1, 2')
      .all()

  it('links the same articles, with the same similarity, either way', async () => {
    const first = Archive.open(join(dir, 'first'))
    const later = Archive.open(join(dir, 'later'))
    await importPaths(later, [other], { origin: 'test' }) // bands in the archive before the batch
    const a = await importPaths(first, [folder], { origin: 'test' })
    const b = await importPaths(later, [folder], { origin: 'test' })
    expect(a.counts.nearDuplicates).toBeGreaterThan(50)
    expect(b.counts).toEqual(a.counts)
    expect(links(later)).toEqual(links(first))
    first.close()
    later.close()
  })
})

describe.runIf(hasCorpus)('corpus: Saudi Press Agency stories reprinted by newspapers (SaudiNewsNet 2015-08-10)', () => {
  const archive = Archive.open(join(tempDir(), 'archive'))

  it('links reprints of a wire story to it, and not a different story of the same kind', async () => {
    const report = await importPaths(archive, [corpusPath('saudinewsnet/2015-08-10.zip')], { origin: 'test' })
    expect(report.counts.nearDuplicates).toBeGreaterThan(100)
    const find = (source: string, title: string) =>
      archive.db.prepare('SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.name = ? AND a.title = ?').pluck().get(source, title) as number
    // Passports (الجوازات) on Yemenis: the wire item, reprinted by two papers with their own headlines.
    const wire = find('was', 'عام / الجوازات تنهي تصحيح أوضاع أكثر من 439 ألف يمني')
    expect(wire).toBeGreaterThan(0)
    const outlets = linkedArticles(archive.db, wire).map((l) => l.source)
    expect(outlets).toEqual(expect.arrayContaining(['aawsat', 'alriyadh']))
    // Morsi's trial adjourned to another day: the same formula, another event (Jaccard ≈ 0.42).
    const morsi = find('was', 'عام / تأجيل محاكمة مرسي و 10 آخرين في قضية التخابر إلى 16 أغسطس الجاري')
    expect(linkedArticles(archive.db, morsi).map((l) => l.title)).not.toContain('تأجيل محاكمة مرسي في قضية التخابر إلى 2 أغسطس')
  })
})
