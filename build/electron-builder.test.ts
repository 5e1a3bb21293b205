// The packaging configuration, checked where installers cannot be built (no Electron binary, no
// network): targets, icons, what goes into the app and what stays outside the asar archive.
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const config = JSON.parse(readFileSync(join(root, 'build', 'electron-builder.json'), 'utf8'))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file)
  expect(b.subarray(1, 4).toString()).toBe('PNG')
  return [b.readUInt32BE(16), b.readUInt32BE(20)]
}

describe('electron-builder configuration', () => {
  it('names the app', () => {
    expect(config.appId).toBe('org.arshif.app')
    expect(config.productName).toBe('Arshif')
  })

  it('builds AppImage and deb for Linux, NSIS for Windows, dmg for macOS', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.mac.target).toEqual(['dmg'])
  })

  it('has the icons it names: 512×512 for Windows and macOS, 512 and 256 for Linux', () => {
    expect(pngSize(join(root, config.icon))).toEqual([512, 512])
    expect(pngSize(join(root, config.win.icon))).toEqual([512, 512])
    expect(pngSize(join(root, config.mac.icon))).toEqual([512, 512])
    expect(pngSize(join(root, config.linux.icon, '512x512.png'))).toEqual([512, 512])
    expect(pngSize(join(root, config.linux.icon, '256x256.png'))).toEqual([256, 256])
  })

  it('packages the built app (main, its engine and workers, preload, renderer) and package.json', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']))
    expect(pkg.main).toBe('out/main/index.js')
    // Nothing from the sources or the tests.
    expect(config.files.some((f: string) => /^src|e2e|bench/.test(f))).toBe(false)
  })

  it('puts the sample archive where the app looks for it (process.resourcesPath/resources/sample)', () => {
    expect(config.extraResources).toContainEqual({ from: 'resources/sample', to: 'resources/sample' })
    expect(existsSync(join(root, 'resources', 'sample', 'articles.json'))).toBe(true)
    const main = readFileSync(join(root, 'src-main', 'electron', 'main.ts'), 'utf8')
    expect(main).toContain("join(process.resourcesPath, 'resources')")
  })

  it('keeps the native SQLite module outside the asar archive, rebuilt for Electron', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**')
    expect(config.npmRebuild).toBe(true)
    expect(pkg.dependencies['better-sqlite3']).toBeDefined()
  })

  it('is what `npm run dist` builds with', () => {
    expect(pkg.scripts.dist).toContain('electron-vite build')
    expect(pkg.scripts.dist).toContain('electron-builder')
    expect(pkg.scripts.dist).toContain('--config build/electron-builder.json')
  })
})
