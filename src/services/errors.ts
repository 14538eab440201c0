export const serviceErrorCodes = [
  'not_found',
  'invalid_input',
  'forbidden',
  'invite_unknown',
  'invite_expired',
  'invite_used',
  'invite_already_yours',
  'member_linked_elsewhere',
  'account_linked_to_other_member',
  'not_linked',
  'document_exists',
  'document_empty',
  'document_unreadable',
  'summary_invalid',
  'summariser_failed',
  'contest_closed',
  'no_attempts_left',
  'question_stale',
  'attempt_finished',
  'no_prediction_pending',
  'meeting_started',
  'check_in_closed',
  'sign_in_link_unknown',
  'sign_in_link_expired',
  'sign_in_link_used',
  'link_invalid',
  'link_expired',
  'link_wrong_purpose',
  'link_member_gone',
  'link_not_allowed',
] as const;
export type ServiceErrorCode = (typeof serviceErrorCodes)[number];

/** A typed, expected failure. Each surface maps `code` to its own Vietnamese message. */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly code: ServiceErrorCode,
    message: string = code,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const isServiceError = (e: unknown, code?: ServiceErrorCode): e is ServiceError =>
  e instanceof ServiceError && (code === undefined || e.code === code);
