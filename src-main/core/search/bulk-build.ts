// Adding many documents to a MiniSearch index fast, with the index coming out exactly as `addAll`
// would make it (tested). MiniSearch's `add` does, for every word of every document: a Set insert
// (to count distinct words), processTerm (normalize + stem), a walk of its radix tree, and three
// Map operations on the term's postings — 9 M times for SaudiNewsNet. Here each field's words are
// counted first, read straight from the text into a table of the word forms met so far (no string
// per word), and each distinct word is then posted once per document, with its count. A form is
// analyzed once, the first time it is met, and its term's postings (the tree's own objects) are
// found by name, so the analyzer and the tree walk run once per form and once per term.
//
// Relies on MiniSearch 7's internals (checked at start; anything else falls back to `addAll`), and
// only while nothing is discarded: a discard lets MiniSearch delete a term's node from the tree,
// which the cached postings would not see. Use a builder for a fresh index or for appending new
// documents, and make a new one after discarding; once the index has discards pending, `add`
// falls back to MiniSearch's own (slower, always right).
import type MiniSearch from 'minisearch'
import type { SearchDocument } from './engine'
import { PostingList } from './postings'

/** Field id → (short document id → how often the term occurs in that field). */
type Postings = Map<number, Map<number, number>>

interface Internals {
  _index: { fetch(term: string, make: () => Postings): Postings }
  _idToShortId: Map<unknown, number>
  _fieldIds: Record<string, number>
  _documentCount: number
  _dirtCount: number
  _options: { fields: string[]; tokenize: (text: string, field: string) => string[]; processTerm: (term: string, field: string) => string | string[] | null | undefined | false }
  addDocumentId(id: unknown): number
  saveStoredFields(shortId: number, doc: unknown): void
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void
}

export interface BulkBuilder {
  /** Adds documents; they are searchable once `flush` has run. */
  add(docs: readonly SearchDocument[]): void
  /** Puts the postings gathered since the last flush into the index. */
  flush(): void
}

/** A term met in the documents being added: its postings in the tree, and those still to be put there. */
interface PendingTerm {
  postings: Postings
  /** Field ids in the order the term first occurred in them (MiniSearch inserts them in that order). */
  fields: number[]
  /** First and last block of its pending postings in the arena, -1 for none. */
  head: number
  tail: number
  /** The last posting's key (document and field) and where its count is, to add another form's count. */
  lastKey: number
  lastCount: number
}

/** Distinct word forms remembered with their term; past this many the memory is started again. */
const MAX_REMEMBERED_FORMS = 400_000
/** Postings a block of the arena holds: [next block, used, key, count, key, count …]. */
const BLOCK_POSTINGS = 6
const BLOCK = 2 + 2 * BLOCK_POSTINGS

export function bulkBuilder(index: MiniSearch<SearchDocument>, { rememberForms = MAX_REMEMBERED_FORMS } = {}): BulkBuilder {
  const internals = index as unknown as Internals
  const hasInternals =
    typeof internals._index?.fetch === 'function' &&
    typeof internals.addDocumentId === 'function' &&
    typeof internals.saveStoredFields === 'function' &&
    typeof internals.addFieldLength === 'function' &&
    internals._idToShortId instanceof Map &&
    typeof internals._options?.tokenize === 'function'
  if (!hasInternals) return { add: (docs) => index.addAll(docs as SearchDocument[]), flush: () => {} }

  const { fields, tokenize, processTerm } = internals._options
  const fieldIds = fields.map((f) => internals._fieldIds[f]!)
  const fieldBits = Math.max(1, Math.ceil(Math.log2(Math.max(...fieldIds) + 1)))
  const fieldMask = (1 << fieldBits) - 1
  const startDirt = internals._dirtCount

  // Growing hundreds of thousands of Maps a posting at a time is what made indexing slow: the
  // garbage collector chased their ever-reallocated tables. Postings wait instead in one typed
  // array (chains of small blocks per term, outside the collector's heap) and go into the index's
  // Maps in one pass per term at flush, as PostingLists of exactly their size (./postings.ts).
  let arena = new Int32Array(1 << 20)
  let top = 0
  const newBlock = (): number => {
    if (top + BLOCK > arena.length) {
      const bigger = new Int32Array(arena.length * 2)
      bigger.set(arena)
      arena = bigger
    }
    const block = top
    top += BLOCK
    arena[block] = -1
    arena[block + 1] = 0
    return block
  }
  const append = (term: PendingTerm, key: number, n: number) => {
    if (term.lastKey === key) {
      arena[term.lastCount] = arena[term.lastCount]! + n // another form of the same term, same document and field
      return
    }
    let block = term.tail
    if (block < 0) block = term.head = term.tail = newBlock()
    else if (arena[block + 1] === BLOCK_POSTINGS) {
      const next = newBlock()
      arena[block] = next
      block = term.tail = next
    }
    const at = block + 2 + 2 * arena[block + 1]!
    arena[at] = key
    arena[at + 1] = n
    arena[block + 1] = arena[block + 1]! + 1
    term.lastKey = key
    term.lastCount = at + 1
  }

  // Terms met so far, by name: many forms stem to one term (in half of ANT, 63 k forms to 27 k
  // terms), and finding one in MiniSearch's tree scans each node's children in turn. Outlives a
  // flush, so that a builder kept for appending (an import followed as it commits) posts to the
  // same entries.
  const terms = new Map<string, PendingTerm>()
  /** The terms with postings waiting since the last flush. */
  let touched: PendingTerm[] = []
  const termOf = (word: string, field: string): PendingTerm | null => {
    const term = processTerm(word, field)
    if (Array.isArray(term)) throw new Error('bulkBuilder: one term per word is expected')
    if (!term) return null
    let entry = terms.get(term)
    if (!entry) {
      // Fetched now, not at flush: terms enter the tree in the order MiniSearch's add would put them.
      const postings = internals._index.fetch(term, () => new Map())
      terms.set(term, (entry = { postings, fields: [], head: -1, tail: -1, lastKey: -1, lastCount: -1 }))
    }
    return entry
  }
  const forms = wordForms(termOf, rememberForms)
  const scan = wordScanner(tokenize)

  const addOne = (doc: SearchDocument) => {
    if (doc.id == null) throw new Error('MiniSearch: document does not have ID field "id"')
    if (internals._idToShortId.has(doc.id)) throw new Error(`MiniSearch: duplicate ID ${doc.id}`)
    const shortId = internals.addDocumentId(doc.id)
    if (shortId > 0x7fffffff >>> fieldBits) throw new Error('bulkBuilder: too many documents')
    internals.saveStoredFields(shortId, doc)
    forms.limitMemory()
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f]!
      const value = (doc as unknown as Record<string, unknown>)[field]
      if (value == null) continue
      const fieldId = fieldIds[f]!
      const key = (shortId << fieldBits) | fieldId
      forms.startField(field)
      scan(String(value), field, forms.count)
      // MiniSearch counts a field's distinct words as its length.
      internals.addFieldLength(shortId, fieldId, internals._documentCount - 1, forms.fieldForms)
      for (let k = 0; k < forms.fieldForms; k++) {
        const form = forms.inField[k]!
        const term = forms.term[form]
        if (!term) continue
        // (the last posting's field tells most of the time, without searching the list)
        if ((term.lastKey === -1 || (term.lastKey & fieldMask) !== fieldId) && !term.fields.includes(fieldId)) term.fields.push(fieldId)
        if (term.head < 0) touched.push(term)
        append(term, key, forms.times[form]!)
      }
    }
  }

  const perField: number[] = []
  const fresh: boolean[] = []
  const flush = () => {
    const byField: Map<number, number>[] = []
    for (const term of touched) {
      for (const fieldId of term.fields) perField[fieldId] = 0
      for (let block = term.head; block >= 0; block = arena[block]!) {
        const end = block + 2 + 2 * arena[block + 1]!
        for (let at = block + 2; at < end; at += 2) perField[arena[at]! & fieldMask]!++
      }
      for (const fieldId of term.fields) {
        let docs = term.postings.get(fieldId)
        fresh[fieldId] = docs === undefined
        if (docs === undefined) term.postings.set(fieldId, (docs = PostingList.sized(perField[fieldId]!)))
        byField[fieldId] = docs
      }
      for (let block = term.head; block >= 0; block = arena[block]!) {
        const end = block + 2 + 2 * arena[block + 1]!
        for (let at = block + 2; at < end; at += 2) {
          const fieldId = arena[at]! & fieldMask
          const doc = arena[at]! >>> fieldBits
          if (fresh[fieldId]) (byField[fieldId] as PostingList).fill(doc, arena[at + 1]!)
          else byField[fieldId]!.set(doc, arena[at + 1]!)
        }
      }
    }
    for (const term of touched) {
      term.fields = []
      term.head = term.tail = term.lastKey = term.lastCount = -1
    }
    touched = []
    top = 0
    if (arena.length > 1 << 22) arena = new Int32Array(1 << 20) // a large import's arena is not kept
  }

  return {
    add(docs) {
      // A discard since this builder began (or pending from before): the tree may have lost terms.
      if (internals._dirtCount !== 0 || startDirt !== 0) return index.addAll(docs as SearchDocument[])
      for (const doc of docs) addOne(doc)
    },
    flush,
  }
}

type WordCallback = (text: string, start: number, end: number) => void
type Tokenize = ((text: string, field: string) => string[]) & { forEachWord?: (text: string, onWord: (start: number, end: number) => void) => void }

/**
 * The index's words of a text as ranges of it. A tokenizer that can give them so (the Arabic one,
 * ./analysis.ts) makes no string per word; any other gives its words, each a text of its own.
 */
function wordScanner(tokenize: Tokenize): (text: string, field: string, onWord: WordCallback) => void {
  const { forEachWord } = tokenize
  if (forEachWord) return (text, _field, onWord) => forEachWord(text, (start, end) => onWord(text, start, end))
  return (text, field, onWord) => {
    for (const word of tokenize(text, field)) onWord(word, 0, word.length)
  }
}

/**
 * The distinct word forms met, each stored once as its UTF-16 code units and found again by a hash
 * of them, straight from the text; and how often each occurs in the field being read. A form is
 * analyzed (`termOf`) the first time it is met, which is when MiniSearch would first analyze it.
 * (A string and a Map entry per word kept the garbage collector busy for a quarter of a build.)
 * Assumes that a form gives the same term in every field, as the Arabic analyzer does (its
 * processTerm ignores the field).
 */
function wordForms(termOf: (word: string, field: string) => PendingTerm | null, rememberForms: number) {
  let slots = new Int32Array(1 << 12) // form + 1, 0 for an empty slot
  let hashes = new Int32Array(1 << 10)
  let starts = new Int32Array(1 << 10) // form f's code units are chars[starts[f] .. starts[f + 1])
  let chars = new Uint16Array(1 << 13)
  let formCount = 0
  /** Each form's term (null: not indexed, like a stopword). */
  const term: (PendingTerm | null)[] = []
  /** Per form: the field it was last counted in (a stamp), and how often it occurs there. */
  let lastField = new Int32Array(1 << 10)
  let times = new Int32Array(1 << 10)
  let stamp = 0
  let field = ''
  const state = {
    term,
    times,
    /** The forms of the field being read, in the order they first occur in it. */
    inField: new Int32Array(1 << 8),
    fieldForms: 0,
    /** Forgets every form once there are `rememberForms` of them (call between documents). */
    limitMemory() {
      if (formCount < rememberForms) return
      slots.fill(0)
      formCount = 0
      term.length = 0
      starts[0] = 0
    },
    startField(name: string) {
      field = name
      stamp++
      state.fieldForms = 0
    },
    count(text: string, start: number, end: number) {
      let h = 0x811c9dc5 | 0 // as an int32, like the hashes stored (an empty word is hashed to this alone)
      for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
      const mask = slots.length - 1
      let slot = h & mask
      let form = -1
      for (let s = slots[slot]!; s !== 0; slot = (slot + 1) & mask, s = slots[slot]!) {
        if (hashes[s - 1] === h && sameForm(s - 1, text, start, end)) {
          form = s - 1
          break
        }
      }
      if (form < 0) {
        form = addForm(text, start, end, h)
        if (formCount * 2 > slots.length) rehash()
        else slots[slot] = form + 1
        term[form] = termOf(text.slice(start, end), field)
      }
      if (lastField[form] !== stamp) {
        lastField[form] = stamp
        times[form] = 1
        if (state.fieldForms === state.inField.length) state.inField = grown(state.inField, state.inField.length * 2)
        state.inField[state.fieldForms++] = form
      } else times[form]!++
    },
  }
  const sameForm = (form: number, text: string, start: number, end: number): boolean => {
    const from = starts[form]!
    if (starts[form + 1]! - from !== end - start) return false
    for (let i = 0; i < end - start; i++) if (chars[from + i] !== text.charCodeAt(start + i)) return false
    return true
  }
  const addForm = (text: string, start: number, end: number, h: number): number => {
    const form = formCount++
    if (formCount + 1 > starts.length) {
      const size = starts.length * 2
      starts = grown(starts, size)
      hashes = grown(hashes, size)
      lastField = grown(lastField, size)
      state.times = times = grown(times, size)
    }
    const from = starts[form]!
    if (from + end - start > chars.length) chars = grown(chars, Math.max(chars.length * 2, from + end - start))
    for (let i = start; i < end; i++) chars[from + i - start] = text.charCodeAt(i)
    starts[form + 1] = from + end - start
    hashes[form] = h
    lastField[form] = 0
    return form
  }
  const rehash = () => {
    slots = new Int32Array(slots.length * 2)
    const mask = slots.length - 1
    for (let form = 0; form < formCount; form++) {
      let slot = hashes[form]! & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = form + 1
    }
  }
  return state
}

function grown<T extends Int32Array | Uint16Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(size)
  bigger.set(array)
  return bigger
}
