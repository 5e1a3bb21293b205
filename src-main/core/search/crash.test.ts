// kill -9 in the middle of saving the search index: a real `arshif search` process builds the index
// of a few thousand articles and is killed while its snapshot's temporary file exists (watched with
// fs.watch, the moment the save begins). The archive must stay whole and the next start must give
// an index that matches it: a half-written snapshot is never loaded.
import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, rmSync, watch } from 'node:fs'
import { join, resolve } from 'node:path'
import { Archive } from '../archive/archive'
import { tempDir } from '../../../test-support/tmp'
import { SearchService } from './service'
import { INDEX_DIR } from './searcher'

const BIN = resolve(import.meta.dirname, '../../../bin/arshif.js')
const ARTICLES = 3000
const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي'

/** Varied made-up words, so the index (and the time it takes to write it) is not tiny. */
function words(seed: number, count: number): string {
  let x = seed * 2654435761
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    let w = ''
    for (let j = 0; j < 5; j++) {
      x = (x * 1103515245 + 12345) >>> 0
      w += LETTERS[x % LETTERS.length]
    }
    out.push(w)
  }
  return out.join(' ')
}

/** Runs `arshif search` and SIGKILLs it as soon as a snapshot temp file appears; says whether the kill landed mid-save. */
function killDuringSave(archiveDir: string): Promise<{ killedMidSave: boolean; exit: string }> {
  const indexDir = join(archiveDir, INDEX_DIR)
  rmSync(indexDir, { recursive: true, force: true })
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'search', 'النخيل', '--archive', archiveDir], { stdio: 'ignore' })
    let killedMidSave = false
    let watcher: ReturnType<typeof watch> | null = null
    // The index folder appears when the first save begins; watch it from then on.
    const waitForDir = setInterval(() => {
      if (watcher || !existsSync(indexDir)) return
      watcher = watch(indexDir, (_event, name) => {
        if (!killedMidSave && name?.endsWith('.tmp')) {
          child.kill('SIGKILL')
          killedMidSave = true
        }
      })
      // A save that began before the watch started.
      if (readdirSync(indexDir).some((f) => f.endsWith('.tmp'))) {
        child.kill('SIGKILL')
        killedMidSave = true
      }
    }, 2)
    child.on('exit', (code, signal) => {
      clearInterval(waitForDir)
      watcher?.close()
      // It counts only if a temporary file is still there: the process died before its rename.
      const leftover = existsSync(indexDir) && readdirSync(indexDir).some((f) => f.endsWith('.tmp'))
      done({ killedMidSave: killedMidSave && signal === 'SIGKILL' && leftover, exit: `${code ?? signal}` })
    })
  })
}

describe('a crash while the search index is being saved', () => {
  it('leaves the archive whole and an index that is rebuilt to match it', { timeout: 600_000 }, async () => {
    const dir = join(tempDir('arshif-crash-'), 'archive')
    const archive = Archive.open(dir)
    for (let start = 0; start < ARTICLES; start += 500) {
      archive.addArticles(
        Array.from({ length: 500 }, (_, i) => {
          const n = start + i + 1
          return { title: `خبر ${n} من مدينة النخيل`, paragraphs: [words(n, 120), `وفي الخبر رقم ${n} ذكر النخيل. ${words(n + 7919, 60)}`], source: 'الرصد اليومي' }
        }),
        null,
      )
    }
    archive.close()

    // The kill may come a moment too late (the rename already done): then try again.
    let attempt = { killedMidSave: false, exit: '' }
    for (let i = 0; i < 5 && !attempt.killedMidSave; i++) attempt = await killDuringSave(dir)
    expect(attempt.killedMidSave, `the process was never caught mid-save (last exit: ${attempt.exit})`).toBe(true)

    const reopened = Archive.open(dir) // quick_check at open
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(reopened.articleCount()).toBe(ARTICLES)
    reopened.close()

    const search = new SearchService({ archiveDir: dir, segments: 2 })
    try {
      await search.ready
      expect(search.status).toMatchObject({ state: 'ready', documents: ARTICLES })
      const page = await search.query({ q: 'النخيل', limit: 5 })
      expect(page.total).toBe(ARTICLES)
      const one = await search.query({ q: '"الخبر رقم 1234"', limit: 5 })
      expect(one.hits.map((h) => h.title)).toContain('خبر 1234 من مدينة النخيل')
    } finally {
      await search.close()
    }
    // The dead process's temporary files are gone; the saved snapshot is whole and loads next time.
    expect(readdirSync(join(dir, INDEX_DIR)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    const again = new SearchService({ archiveDir: dir, segments: 2 })
    try {
      await again.ready
      expect((await again.query({ q: 'النخيل', limit: 1 })).total).toBe(ARTICLES)
    } finally {
      await again.close()
    }
  })
})
