// The bundled fonts as CSS with the font files inlined, for documents we render outside the app
// window (PDF and HTML exports): they must look right on a machine with no Arabic font at all.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

const FACES = [
  { family: 'Noto Naskh Arabic', file: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2', weight: 400, range: 'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC, U+102E0-102FB, U+10E60-10E7E, U+10EC2-10EC4, U+10EFC-10EFF, U+1EE00-1EEFF' },
  { family: 'Noto Naskh Arabic', file: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff2', weight: 700, range: 'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC, U+102E0-102FB, U+10E60-10E7E, U+10EC2-10EC4, U+10EFC-10EFF, U+1EE00-1EEFF' },
  { family: 'Noto Sans', file: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2', weight: 400, range: 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD' },
  { family: 'Noto Sans', file: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2', weight: 700, range: 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD' },
] as const

/** `font-family` value for exported documents: Arabic first, Latin for everything else. */
export const EXPORT_FONT_STACK = "'Noto Naskh Arabic', 'Noto Sans', sans-serif"

let cached: string | null = null

/** @font-face rules with the fonts as data: URLs (about 150 KB of CSS), read once. */
export function embeddedFontCss(): string {
  if (cached) return cached
  cached = FACES.map((f) => {
    const data = readFileSync(require.resolve(f.file)).toString('base64')
    return `@font-face{font-family:'${f.family}';font-style:normal;font-weight:${f.weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${f.range};}`
  }).join('\n')
  return cached
}
