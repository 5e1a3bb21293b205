// The engine reports per-file problems as English sentences (stable, readable in logs and in the
// CLI). The most frequent ones are recognised here and shown in the UI's language; any other is
// shown as the engine wrote it, so nothing is lost.
export interface ProblemMessage {
  key: string
  params: Record<string, string>
}

const KNOWN: [RegExp, string, string[]][] = [
  [/^This file looks like a binary file/, 'binary', []],
  [/^This kind of file is not supported/, 'unsupported', []],
  [/^(The|This) file is empty\.$/, 'empty', []],
  [/^No article was found in this file\.$/, 'noArticle', []],
  [/^This file could not be decoded as text/, 'undecodable', []],
  [/^This JSON file is not valid JSON/, 'badJson', []],
  [/^This line is not valid JSON; it was skipped\.$/, 'badJsonLine', []],
  [/^The title is empty; one was made from the first sentence\.$/, 'emptyTitle', []],
  [/^The article text is empty; only the title was imported\.$/, 'emptyText', []],
  [/^Neither a title nor any text was found; the article was skipped\.$/, 'emptyArticle', []],
  [/^The date "(.*)" could not be read; the article has no date\.$/, 'badDate', ['date']],
  [/^No title field was found;/, 'noTitleField', []],
  [/^No text field was found;/, 'noTextField', []],
  [/^Could not tell which field holds the article text or title/, 'noFields', []],
  [/^This row has (\d+) fields where the header has (\d+)\.$/, 'rowFields', ['found', 'expected']],
  [/^The file or folder does not exist\.$/, 'missing', []],
  [/^(\d+) more problems were not listed\.$/, 'more', ['n']],
]

/** `Record 3: The title is empty…` → the record number and the recognised message, if any. */
export function recogniseProblem(text: string): { record: string | null; message: ProblemMessage | null } {
  const m = /^Record (\d+): (.*)$/s.exec(text)
  const record = m ? m[1]! : null
  const reason = m ? m[2]! : text
  for (const [pattern, key, names] of KNOWN) {
    const found = pattern.exec(reason)
    if (found) return { record, message: { key, params: Object.fromEntries(names.map((n, i) => [n, found[i + 1] ?? ''])) } }
  }
  return { record, message: null }
}

/** A problem in the UI's language when it is a known one, else as the engine wrote it. */
export function problemText(text: string, t: (key: string, params: Record<string, string>) => string): string {
  const { record, message } = recogniseProblem(text)
  if (!message) return text
  const sentence = t(`import.problems.${message.key}`, message.params)
  return record ? t('import.problems.record', { n: record, text: sentence }) : sentence
}
