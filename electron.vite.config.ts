// Builds the three Electron bundles from the customer's folder layout:
// src-main/electron (main + preload) and src-renderer (the Vue app, also served by `arshif serve`).
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META } from './src-main/core/security'

const root = import.meta.dirname
const contract = resolve(root, 'src-main/api/contract.ts')
// ARSHIF_OUT_DIR: build somewhere else than out/ (a test run that must not disturb another's build).
const out = resolve(root, process.env.ARSHIF_OUT_DIR ?? 'out')

// The built page carries the app's CSP itself, so it holds under file:// where no header can.
// (Build only: Vite's dev server injects inline styles the policy forbids.)
const cspMeta: Plugin = {
  name: 'arshif-csp-meta',
  apply: 'build',
  transformIndexHtml: (html) =>
    html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`),
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(out, 'main'),
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/electron/main.ts'),
          // The engine process (utilityProcess): archive, index and handlers, off the main process.
          engine: resolve(root, 'src-main/electron/engine.ts'),
          // The search index runs in a worker thread: its own bundle.
          'search-worker': resolve(root, 'src-main/core/search/worker.ts'),
          // Imports run in a worker thread too (core/import/run.ts finds it beside the engine's bundle).
          'import-worker': resolve(root, 'src-main/core/import/worker.ts'),
          // …which reads ahead in a thread of its own on large batches (core/import/reader.ts).
          'import-reader': resolve(root, 'src-main/core/import/reader-worker.ts'),
          // The `arshif` command, which bin/arshif.js runs while this build is newer than the sources.
          cli: resolve(root, 'src-main/cli/run.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(out, 'preload'),
      // A sandboxed preload must be one CommonJS file with nothing left to require but electron.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    // Relative asset URLs so the same build loads from file:// in Electron and from http:// in serve mode.
    base: './',
    resolve: { alias: { '@contract': contract } },
    plugins: [vue(), cspMeta],
    build: {
      outDir: resolve(out, 'renderer'),
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
})
