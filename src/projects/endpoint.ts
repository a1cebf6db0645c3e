// Validation of a project's API endpoint and name. Pure functions: no vscode, unit-tested.

export const DEFAULT_ENDPOINT = 'https://api.hetzner.cloud/v1';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Returns an error message for an endpoint a project may not use, or undefined when it is fine.
 * https is required; plain http only for loopback hosts (the local simulator).
 */
export function validateEndpoint(value: string): string | undefined {
  const text = value.trim();
  if (!text) return 'Enter the API endpoint, e.g. https://api.hetzner.cloud/v1';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a URL. Enter e.g. https://api.hetzner.cloud/v1`;
  }
  if (url.username || url.password) return 'The endpoint must not contain a user name or password.';
  if (url.search || url.hash) return 'The endpoint must not contain a query or fragment.';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLoopbackHost(url.hostname)
      ? undefined
      : 'Plain http:// is accepted only for loopback hosts (127.0.0.1, localhost); use https://.';
  }
  return `Unsupported protocol "${url.protocol}": use https://.`;
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
