#!/usr/bin/env node
// `npm test`: unit tests (vitest), then a build, then end-to-end tests (Playwright in Chromium).
// Ends with one line that adds both up: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const reports = mkdtempSync(join(tmpdir(), 'arshif-test-report-'))
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1

const totals = { passed: 0, failed: 0, skipped: 0 }
let status = 0

const unitJson = join(reports, 'unit.json')
status ||= run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`])
addUp(unitJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }))

if (run(bin('electron-vite'), ['build']) !== 0) {
  console.error('The build failed: end-to-end tests were not run.')
  status = 1
} else {
  const e2eJson = join(reports, 'e2e.json')
  status = run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson }) || status
  addUp(e2eJson, (r) => ({ passed: r.stats.expected, failed: r.stats.unexpected + r.stats.flaky, skipped: r.stats.skipped }))
}

rmSync(reports, { recursive: true, force: true })
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(status || (totals.failed > 0 ? 1 : 0))

function addUp(file, pick) {
  try {
    const counts = pick(JSON.parse(readFileSync(file, 'utf8')))
    for (const k of Object.keys(totals)) totals[k] += counts[k] ?? 0
  } catch {
    totals.failed += 1 // no report: the runner itself failed, count it as a failure
    status ||= 1
  }
}
