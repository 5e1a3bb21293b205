// Word-level diff (Myers' O((N+M)·D) algorithm) between two sequences of interned words.
// Returns the edit script as runs, each covering [aFrom, aTo) of A and [bFrom, bTo) of B.

export interface DiffRun {
  kind: 'equal' | 'delete' | 'insert'
  aFrom: number
  aTo: number
  bFrom: number
  bTo: number
}

/** Beyond this many edits two texts are simply different: everything is deleted and inserted. */
const MAX_EDITS = 4000

export function diffWords(a: ArrayLike<number>, b: ArrayLike<number>): DiffRun[] {
  const n = a.length
  const m = b.length
  let prefix = 0
  while (prefix < n && prefix < m && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (suffix < n - prefix && suffix < m - prefix && a[n - 1 - suffix] === b[m - 1 - suffix]) suffix++

  const runs: DiffRun[] = []
  const push = (kind: DiffRun['kind'], aFrom: number, aTo: number, bFrom: number, bTo: number) => {
    if (aFrom === aTo && bFrom === bTo) return
    const last = runs.at(-1)
    if (last && last.kind === kind) {
      last.aTo = aTo
      last.bTo = bTo
    } else runs.push({ kind, aFrom, aTo, bFrom, bTo })
  }
  push('equal', 0, prefix, 0, prefix)
  for (const [kind, aFrom, aTo, bFrom, bTo] of middle(a, b, prefix, n - suffix, prefix, m - suffix)) push(kind, aFrom, aTo, bFrom, bTo)
  push('equal', n - suffix, n, m - suffix, m)
  return runs
}

type Step = [DiffRun['kind'], number, number, number, number]

/** The edit script of a[a0, a1) against b[b0, b1), as single-word steps merged by the caller. */
function middle(a: ArrayLike<number>, b: ArrayLike<number>, a0: number, a1: number, b0: number, b1: number): Step[] {
  const n = a1 - a0
  const m = b1 - b0
  if (n === 0 || m === 0) return [['delete', a0, a1, b0, b0], ['insert', a1, a1, b0, b1]]
  const max = Math.min(n + m, MAX_EDITS)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = -1
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a[a0 + x] === b[b0 + y]) x++, y++
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break outer
      }
    }
  }
  if (found < 0) return [['delete', a0, a1, b0, b0], ['insert', a1, a1, b0, b1]]

  // Walk back through the saved frontiers; trace[d] holds v[-d-1 .. d+1] as it was before step d.
  const steps: Step[] = []
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const before = trace[d]!
    const at = (k: number) => before[k + d + 1]!
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
      x--, y--
      steps.push(['equal', a0 + x, a0 + x + 1, b0 + y, b0 + y + 1])
    }
    if (down) {
      y--
      steps.push(['insert', a0 + x, a0 + x, b0 + y, b0 + y + 1])
    } else {
      x--
      steps.push(['delete', a0 + x, a0 + x + 1, b0 + y, b0 + y])
    }
  }
  while (x > 0 && y > 0) {
    x--, y--
    steps.push(['equal', a0 + x, a0 + x + 1, b0 + y, b0 + y + 1])
  }
  return steps.reverse()
}
