// Whether a failed call may be offered again with a Retry button. Pure: no vscode, unit-tested.
//
// Safe to send again: a read (GET), or a write whose failure answer arrived (the API said no, so
// nothing was done). Never after a lost answer (src/api/lostAnswer.ts: the write may have run),
// never while an action may still be running (a failure of the wait, other than the action's own
// failure), and not when the same request cannot succeed (a refused token, invalid input).
import { ClientErrorCode, HcloudError } from '../api/errors';
import { isLostAnswer } from '../api/lostAnswer';

/**
 * Where the failure happened: `request` (the call itself), `wait` (following the actions the call
 * started), `done` (after the actions succeeded: showing a result).
 */
export type FailurePhase = 'request' | 'wait' | 'done';

/** Codes whose request fails the same way when sent again unchanged. */
const SAME_AGAIN = new Set<string>([
  'invalid_input',
  'uniqueness_error',
  'unauthorized',
  'token_readonly',
  'read_only_project',
  'not_found',
  ClientErrorCode.InvalidToken,
  ClientErrorCode.Aborted,
  ClientErrorCode.ListTooLong,
  ClientErrorCode.ResponseTooLarge,
]);

/** True when `error`, met in `phase`, may be offered again with Retry. */
export function canRetry(error: unknown, phase: FailurePhase): boolean {
  if (!(error instanceof HcloudError) || phase === 'done') return false;
  const lost: boolean = isLostAnswer(error);
  if (lost || error.details.answerLost === true) return false;
  // The action ended in `error`: its answer arrived and a retry starts a new one.
  if (phase === 'wait') return error.code === ClientErrorCode.ActionFailed;
  if (SAME_AGAIN.has(error.code)) return false;
  if (error.method === 'GET') return true;
  // A write: only when the API's own answer (an error status) arrived.
  return error.status >= 400 && error.code !== ClientErrorCode.InvalidResponse;
}
