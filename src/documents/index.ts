export { DocumentParseError, documentParseErrorCodes, isDocumentParseError } from './errors';
export type { DocumentParseErrorCode } from './errors';
export { normaliseText } from './normalise';
export type { NormalisedText } from './normalise';
export { parseDocument } from './parse-document';
export * from './types';
