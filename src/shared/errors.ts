/**
 * The one catalogue of Dateline's errors. Each has a stable code, an HTTP status, and a message
 * that is safe to show to whoever caused it (a reader, an editor, a CLI user).
 */
export const errorCatalogue = {
  NOT_FOUND: { status: 404, message: 'Not found' },
  GONE: { status: 410, message: 'This page has been removed' },
  INVALID_INPUT: { status: 400, message: 'Invalid input' },
  INVALID_WIRE_ITEM: { status: 422, message: 'The wire item is not valid' },
  UNKNOWN_SECTION: { status: 400, message: 'Unknown section' },
  MEDIA_REJECTED: { status: 415, message: 'The media file cannot be used' },
  FILE_UNREADABLE: { status: 400, message: 'The file cannot be read' },
  CONFLICT: { status: 409, message: 'Conflict' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in first' },
  FORBIDDEN: { status: 403, message: 'You may not do that' },
  CSRF: { status: 403, message: 'The form has expired or did not come from this site; reload the page and try again' },
  TOO_LARGE: { status: 413, message: 'That is too large' },
  RATE_LIMITED: { status: 429, message: 'Too many attempts; wait a few minutes and try again' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class DatelineError extends Error {
  override name = 'DatelineError';
  readonly code: ErrorCode;
  readonly status: number;

  /** The input field at fault, for validation errors (`headline`, `section`, ...). */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown; field?: string }) {
    super(message ?? errorCatalogue[code].message, options);
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.field = options?.field;
  }
}

export const isDatelineError = (e: unknown): e is DatelineError => e instanceof DatelineError;

/** Shorthand used by commands and parsers: `throw fail('UNKNOWN_SECTION', 'no section "x"')`. */
export function fail(code: ErrorCode, message?: string, field?: string): DatelineError {
  return new DatelineError(code, message, { field });
}
