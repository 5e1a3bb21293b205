// Errors that may cross the API boundary. Each has a stable code the UI translates and an
// English message a person can act on; stack traces stay on this side.

export const ERROR_CODES = [
  'invalid_argument',
  'not_found',
  'unknown_method',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'archive_not_writable',
  'archive_corrupt',
  'archive_too_new',
  'archive_not_empty',
  'backup_invalid',
  'unsupported_file',
  'cancelled',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
