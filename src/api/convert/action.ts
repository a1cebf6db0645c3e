// Wire -> domain for actions. An unknown status falls back to a known one.

import type { ActionSchema } from '../schema';
import { ActionStatuses, type Action, type ActionStatus } from '../types';
import { isRecord, list, oneOf, parseDate, requiredDate, requiredId, text } from './wire';

export function convertAction(w: ActionSchema): Action {
  const finished = parseDate(w.finished);
  const error = w.error ? { code: String(w.error.code), message: String(w.error.message) } : undefined;
  return {
    id: requiredId(w),
    command: text(w.command),
    status: actionStatus(w.status, finished, error !== undefined),
    progress: typeof w.progress === 'number' ? w.progress : 0,
    started: requiredDate(w.started),
    finished,
    resources: list(w.resources)
      .filter((r) => isRecord(r))
      .map((r) => ({ id: r.id, type: text(r.type) })),
    error,
  };
}

/** An unknown status counts as running until the action has a `finished` time. */
function actionStatus(v: unknown, finished: Date | undefined, hasError: boolean): ActionStatus {
  const known = oneOf(ActionStatuses, v);
  if (known) return known;
  if (!finished) return 'running';
  return hasError ? 'error' : 'success';
}
