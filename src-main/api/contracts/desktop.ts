// The desktop operations of the contract (see ../contract.ts). Renderer-safe: zod and types only.
import { z } from 'zod'
import { op } from '../op'

export const MAX_EXTERNAL_URL_LENGTH = 2048

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string }

/**
 * Whether a link from an article may be handed to the system browser: http or https only, to a
 * named host, without credentials, spaces or control characters. Checked in the page (before the
 * confirm dialog), in the handler and again in Electron's main process before shell.openExternal.
 */
export function checkExternalUrl(raw: string): ExternalUrlCheck {
  if (raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'The link is empty or too long.' }
  // The URL parser silently drops tabs and newlines ("java\tscript:"); we refuse them instead.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return { ok: false, reason: 'The link contains spaces or control characters.' }
  if (!/^https?:\/\//i.test(raw)) return { ok: false, reason: 'Only http and https links can be opened.' }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return { ok: false, reason: 'The link is not a valid address.' }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'Only http and https links can be opened.' }
  if (url.username || url.password) return { ok: false, reason: 'Links carrying a user name or password are not opened.' }
  if (!url.hostname) return { ok: false, reason: 'The link has no host.' }
  return { ok: true, url: url.href }
}

export const desktopContract = {
  /**
   * Opens an article's link outside the app, after the user confirmed. `by: 'system'`: the desktop
   * app handed it to the system browser; `by: 'page'`: serve mode, the page opens `url` itself.
   */
  'app.openExternal': op<{ by: 'system' | 'page'; url: string }>()(z.object({ url: z.string().min(1).max(MAX_EXTERNAL_URL_LENGTH) }).strict()),
} as const
