// The Content Security Policy of every page Arshif shows, in the desktop window and in serve mode:
// only our own scripts, styles and fonts; no inline script, no eval, no request to anywhere else.
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
]

/** As an HTTP header (serve mode). */
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ')

/** As a <meta> tag in the built page (file:// in Electron), where frame-ancestors is not allowed. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ')
