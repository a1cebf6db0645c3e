import type { ErrorFieldSchema } from './schema';

/**
 * Codes the client itself produces when no API error body is available. API codes
 * (`invalid_input`, `locked`, `server_not_stopped`, ...) are passed through unchanged.
 */
export const ClientErrorCode = {
  /** The endpoint answered with a body that is not the JSON the API sends (HTML, truncated, empty). */
  InvalidResponse: 'invalid_response',
  /** The connection could not be made or broke (refused, reset, DNS). */
  NetworkError: 'network_error',
  /** No answer within the call's timeout. */
  Timeout: 'timeout',
  /** The caller's AbortSignal fired. */
  Aborted: 'aborted',
  /** The token cannot be sent in an HTTP header (control characters, non-Latin-1, empty). */
  InvalidToken: 'invalid_token',
  /** An answer's body passed the transport's size cap (32 MiB by default); it was not read further. */
  ResponseTooLarge: 'response_too_large',
  /** A list claims more pages than the transport reads (200 by default); see CallOptions.onListCut. */
  ListTooLong: 'list_too_long',
  /** An action finished with status `error`; `details.action` carries the action. */
  ActionFailed: 'action_failed',
} as const;

export interface HcloudErrorField {
  name: string;
  messages: string[];
}

export interface HcloudErrorInit {
  code: string;
  message: string;
  /** HTTP status; 0 when no HTTP answer was received. */
  status?: number;
  details?: Record<string, unknown>;
  method?: string;
  /** Path without host and token, e.g. `/servers/42/actions/poweron`. */
  path?: string;
  cause?: unknown;
}

/** The one error type of the client: every failure of a call is an HcloudError. Branch on `code`. */
export class HcloudError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;
  readonly method?: string;
  readonly path?: string;

  constructor(init: HcloudErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'HcloudError';
    this.code = init.code;
    this.status = init.status ?? 0;
    this.details = init.details ?? {};
    this.method = init.method;
    this.path = init.path;
  }

  /** Field errors of `invalid_input` / `uniqueness_error`, normalised (messages always an array). */
  get fields(): HcloudErrorField[] {
    const raw = (this.details as { fields?: ErrorFieldSchema[] }).fields;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((f): f is ErrorFieldSchema => !!f && typeof f.name === 'string')
      .map((f) => ({ name: f.name, messages: Array.isArray(f.messages) ? f.messages.map(String) : [] }));
  }

  /** The message with field details appended, for showing to a user. */
  get fullMessage(): string {
    const fields = this.fields
      .map((f) => (f.messages.length ? `${f.name}: ${f.messages.join(', ')}` : f.name))
      .join('; ');
    return fields && !this.message.includes(fields) ? `${this.message} (${fields})` : this.message;
  }

  /** True for failures that were never answered by the API (network, timeout, bad body). */
  get isTransport(): boolean {
    return this.status === 0 || this.code === ClientErrorCode.InvalidResponse;
  }
}

export function isHcloudError(e: unknown, code?: string): e is HcloudError {
  return e instanceof HcloudError && (code === undefined || e.code === code);
}
