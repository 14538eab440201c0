import { ServiceError } from '../../../src/services/errors';
import type { Turn } from '../turn';

export function requireMember(turn: Turn) {
  if (!turn.member) throw new ServiceError('not_linked');
  return turn.member;
}
