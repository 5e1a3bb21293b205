#!/usr/bin/env node
// Rasterises build/icon.svg into the PNG icons electron-builder packages (build/icon.png for
// Windows and macOS, build/icons/<size>x<size>.png for Linux), with the same Chromium the tests
// use (/usr/bin/chromium or $CHROMIUM_PATH). Run it after changing the SVG and commit the PNGs.
import { chromium } from 'playwright-core'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const buildDir = join(root, 'build')
const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const ICON_SIZES = [512, 256]

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
try {
  mkdirSync(join(buildDir, 'icons'), { recursive: true })
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 })
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `)
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`)
    const png = await page.locator('svg').screenshot({ omitBackground: true })
    writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), png)
    if (size === 512) writeFileSync(join(buildDir, 'icon.png'), png)
    await page.close()
    console.error(`icons: ${size}x${size}`)
  }
} finally {
  await browser.close()
}
