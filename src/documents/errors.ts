export const documentParseErrorCodes = ['empty_text', 'not_text', 'too_large'] as const;
export type DocumentParseErrorCode = (typeof documentParseErrorCodes)[number];

/**
 * Raised when the input cannot be a document at all. Each surface maps `code` to its own
 * Vietnamese message, like the services' errors; a messy but readable text never throws.
 */
export class DocumentParseError extends Error {
  override name = 'DocumentParseError';
  constructor(
    readonly code: DocumentParseErrorCode,
    message: string = code,
  ) {
    super(message);
  }
}

export const isDocumentParseError = (
  e: unknown,
  code?: DocumentParseErrorCode,
): e is DocumentParseError =>
  e instanceof DocumentParseError && (code === undefined || e.code === code);
