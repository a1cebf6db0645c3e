// What a user reads when a call fails: the API's own message and field details, with a plain
// explanation for the codes that need one. Pure: no vscode, unit-tested. Never contains a token
// (HcloudError messages never do).
import { ClientErrorCode, HcloudError } from '../api/errors';

export interface ErrorContext {
  /** What was being done, e.g. `Power off "web-1"`. */
  action?: string;
}

/** One sentence (or two) for a failure, prefixed with what was being done. */
export function describeError(error: unknown, context: ErrorContext = {}): string {
  const prefix = context.action ? `${context.action} failed: ` : '';
  if (!(error instanceof HcloudError)) {
    return prefix + (error instanceof Error ? error.message : String(error));
  }
  switch (error.code) {
    case 'locked':
      return `${prefix}another action is still running on this resource; try again when it has finished. (${error.message})`;
    case 'rate_limit_exceeded':
      // The transport's message says, once, when the project's budget allows the next request
      // (src/api/handlers/budget.ts); RateLimit-Reset is when it is FULL again, a different time.
      return `${prefix}the project's API rate limit is used up: ${error.message}`;
    case 'protected':
      return `${prefix}the resource is protected: remove its protection first (Change Protection). (${error.message})`;
    case 'unauthorized':
      return `${prefix}the API rejected the project's token (${error.message}). Use "Update Token".`;
    case 'token_readonly':
      return `${prefix}the project's API token is read-only (${error.message}). Update Token to write.`;
    case ClientErrorCode.ActionFailed: {
      const code = (error.details as { actionErrorCode?: string }).actionErrorCode;
      return `${prefix}${error.message}${code ? ` (${code})` : ''}`;
    }
    case 'read_only_project': // a read-only project's write, refused before it was sent (src/projects/scopedTransport.ts)
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
