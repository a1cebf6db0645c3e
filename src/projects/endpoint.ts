// Validation of a project's API endpoint and name. Pure functions: no vscode, unit-tested.

import { httpEndpointProblem } from '../api/endpointRule';

export const DEFAULT_ENDPOINT = 'https://api.hetzner.cloud/v1';

/**
 * Returns an error message for an endpoint a project may not use, or undefined when it is fine.
 * The rule is the one every source of an endpoint follows (../api/endpointRule.ts): https, or plain
 * http only to loopback hosts (the local simulator); here also no query or fragment.
 */
export function validateEndpoint(value: string): string | undefined {
  const text = value.trim();
  if (!text) return 'Enter the API endpoint, e.g. https://api.hetzner.cloud/v1';
  const problem = httpEndpointProblem(text);
  if (problem) return problem.message;
  const url = new URL(text);
  if (url.search || url.hash) return 'The endpoint must not contain a query or fragment.';
  return undefined;
}

/** The endpoint as stored: trimmed, without a trailing slash. */
export function normalizeEndpoint(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

export const MAX_PROJECT_NAME = 64;

export function validateProjectName(value: string, takenNames: readonly string[]): string | undefined {
  const name = value.trim();
  if (!name) return 'Enter a name for the project.';
  if (name.length > MAX_PROJECT_NAME) return `At most ${MAX_PROJECT_NAME} characters (this is ${name.length}).`;
  if (takenNames.some((n) => n.toLocaleLowerCase() === name.toLocaleLowerCase())) {
    return `A project named "${name}" already exists.`;
  }
  return undefined;
}

/** Message for a token that cannot be sent in an HTTP header; never echoes the token. */
export function validateTokenShape(value: string): string | undefined {
  if (!value) return 'Paste the API token (Cloud Console → project → Security → API tokens).';
  if (value !== value.trim()) return 'The token has leading or trailing spaces.';
  if (!/^[\x21-\x7e]+$/.test(value)) return 'The token contains characters that a Hetzner Cloud token cannot contain.';
  return undefined;
}
