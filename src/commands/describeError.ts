// What a user reads when a call fails: the API's own message and field details, with a plain
// explanation for the codes that need one. Pure: no vscode, unit-tested. Never contains a token
// (HcloudError messages never do).
import { ClientErrorCode, HcloudError } from '../api/errors';

export interface ErrorContext {
  /** What was being done, e.g. `Power off "web-1"`. */
  action?: string;
  /** When requests are possible again (from the client's rate-limit headers), for 429s. */
  rateLimitReset?: Date;
  now?: Date;
}

function timeOfDay(d: Date): string {
  return d.toISOString().slice(11, 19) + ' UTC';
}

function minutesUntil(reset: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((reset.getTime() - now.getTime()) / 60_000));
  return minutes === 1 ? 'about a minute' : `about ${minutes} minutes`;
}

/** One sentence (or two) for a failure, prefixed with what was being done. */
export function describeError(error: unknown, context: ErrorContext = {}): string {
  const prefix = context.action ? `${context.action} failed: ` : '';
  if (!(error instanceof HcloudError)) {
    return prefix + (error instanceof Error ? error.message : String(error));
  }
  const now = context.now ?? new Date();
  switch (error.code) {
    case 'locked':
      return `${prefix}another action is still running on this resource; try again when it has finished. (${error.message})`;
    case 'rate_limit_exceeded': {
      const reset = context.rateLimitReset;
      const when = reset && reset > now ? ` Requests will be possible again in ${minutesUntil(reset, now)} (at ${timeOfDay(reset)}).` : '';
      return `${prefix}the project's API rate limit is used up.${when} (${error.message})`;
    }
    case 'protected':
      return `${prefix}the resource is protected: remove its protection first (Change Protection). (${error.message})`;
    case 'unauthorized':
      return `${prefix}the API rejected the project's token (${error.message}). Use "Update Token".`;
    case ClientErrorCode.ActionFailed: {
      const code = (error.details as { actionErrorCode?: string }).actionErrorCode;
      return `${prefix}${error.message}${code ? ` (${code})` : ''}`;
    }
    case ClientErrorCode.NetworkError:
    case ClientErrorCode.Timeout:
    case ClientErrorCode.InvalidResponse:
    case ClientErrorCode.InvalidToken:
    case ClientErrorCode.Aborted:
      return prefix + error.message;
    default:
      return `${prefix}${error.fullMessage} (${error.code})`;
  }
}
