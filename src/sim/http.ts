// HTTP plumbing shared by the routes and the pipeline: the reply shape, the one error type
// the handlers throw (ApiError, rendered as the API's error body) and its common cases.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorFieldSchema, ErrorResponseSchema } from '../api/schema';

export interface Reply {
  status: number;
  /** JSON body; undefined for 204. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Status of each error code the simulator answers with. */
const STATUS_OF: Record<string, number> = {
  unauthorized: 401,
  forbidden: 403,
  token_readonly: 403,
  protected: 403,
  resource_limit_exceeded: 403,
  invalid_input: 400,
  json_error: 400,
  not_found: 404,
  deprecated_api_endpoint: 410,
  uniqueness_error: 409,
  locked: 423,
  rate_limit_exceeded: 429,
  service_error: 503,
  // Call-specific codes that the OpenAPI description's "Operation specific errors" tables give as 422.
  ...Object.fromEntries(
    [
      'firewall_already_applied', 'firewall_managed_by_label_selector', 'firewall_resource_not_found', 'floating_ip_assigned',
      'incompatible_network_type', 'incorrect_zone_mode', 'ip_not_available', 'must_be_unassigned', 'networks_overlap',
      'no_subnet_available', 'primary_ip_already_assigned', 'private_net_only_server', 'resource_in_use', 'server_already_added',
      'server_already_attached', 'server_has_ipv4', 'server_has_ipv6', 'server_is_load_balancer_target', 'server_not_stopped',
    ].map((code) => [code, 422]),
  ),
  // The other call-specific codes (placement_error, volume_already_attached, ...): the tables give
  // no status for them; 412, as the simulator answered before.
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}, status = STATUS_OF[code] ?? 412) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = details;
  }

  toReply(): Reply {
    const body: ErrorResponseSchema = { error: { code: this.code, message: this.message, details: this.details } };
    return { status: this.status, body };
  }
}

export function invalidInput(fields: ErrorFieldSchema[], message?: string): ApiError {
  const names = fields.map((f) => `'${f.name}'`).join(', ');
  const text =
    message ??
    (fields.length === 1
      ? `invalid input in field ${names}${fields[0].messages?.length ? `: ${fields[0].messages.join(', ')}` : ''}`
      : `invalid input in fields ${names}`);
  return new ApiError('invalid_input', text, { fields });
}

/** invalid_input for one field. */
export function invalidField(name: string, message: string): ApiError {
  return invalidInput([{ name, messages: [message] }]);
}

/** invalid_input about the state of a resource rather than a field. */
export function invalidState(message: string): ApiError {
  return new ApiError('invalid_input', message, {});
}

export function notFound(what: string, id?: number | string): ApiError {
  return new ApiError('not_found', id === undefined ? `${what} not found` : `${what} with ID '${id}' not found`);
}

export function uniqueness(field: string, message: string): ApiError {
  return new ApiError('uniqueness_error', message, { fields: [{ name: field }] });
}

export function isProtected(what: string, id: number): ApiError {
  return new ApiError('protected', `${what} ${id} is protected`);
}

export function locked(what: string, id: number): ApiError {
  return new ApiError('locked', `${what} ${id} is locked: another action is running`);
}

/** Writes a Reply (JSON or empty) with the extra headers. */
export function sendReply(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
  const all = { ...headers, ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, all);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { ...all, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export type Query = Record<string, string[]>;

export function parseQuery(params: URLSearchParams): Query {
  const query: Query = {};
  for (const [key, value] of params) (query[key] ??= []).push(value);
  return query;
}
