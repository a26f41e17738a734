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
  INTERNAL: { status: 500, message: 'Something went wrong on our side' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export class DatelineError extends Error {
  override name = 'DatelineError';
  readonly code: ErrorCode;
  readonly status: number;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? errorCatalogue[code].message, options);
    this.code = code;
    this.status = errorCatalogue[code].status;
  }
}

export const isDatelineError = (e: unknown): e is DatelineError => e instanceof DatelineError;

/** Shorthand used by commands and parsers: `throw fail('UNKNOWN_SECTION', 'no section "x"')`. */
export function fail(code: ErrorCode, message?: string): DatelineError {
  return new DatelineError(code, message);
}
