// The one rule for where an API token may be sent, used by every source of an endpoint: the Add
// Project box, HCLOUD_ENDPOINT, the HTTP transport itself, and (for WebSockets) the console.
// Pure: no vscode, no DNS, no I/O.
//
// The rule: `https:` (`wss:`) to any host; plain `http:` (`ws:`) only to this computer. "This computer"
// is judged from the host as the WHATWG URL parser reads it (the parser fetch uses), never from a
// DNS answer:
// - `localhost` exactly (any case: the parser lowercases it). Not `localhost.` (a trailing dot makes
//   it a DNS name a resolver may send out) and not `localhost.evil.example`.
// - an IPv4 address in 127.0.0.0/8, in whatever spelling the parser turns into one
//   (`127.1`, `0x7f.0.0.1`, `2130706433`, `127.0.0.1.` all become 127.0.0.1 / 127.0.0.1).
//   `127.0.0.1.evil.example` is a DNS name, not an address: refused.
// - the IPv6 loopback `[::1]` (also written `[0:0:0:0:0:0:0:1]`, which the parser compresses).
// Decided and refused: IPv4-mapped IPv6 (`[::ffff:127.0.0.1]`, the parser writes `[::ffff:7f00:1]`),
// `0.0.0.0` and `[::]`. They may reach this computer, but they are not on the list; write 127.0.0.1.
// A user name or password in the URL is refused for every scheme: `http://127.0.0.1@evil.example`
// is a request to evil.example, and credentials in a URL end up in logs.

/** Why an endpoint is refused; `code` is stable (the transport throws it as an HcloudError code). */
export interface EndpointProblem {
  /** `insecure_endpoint`: cleartext to another computer. `invalid_endpoint`: not a usable URL. */
  code: 'insecure_endpoint' | 'invalid_endpoint';
  /** For a user: why, and what to write instead. Never contains the URL's user name or password. */
  message: string;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * Whether a host, as `URL.hostname` gives it, is this computer: `localhost`, 127.0.0.0/8 or `[::1]`.
 * Pass the parser's hostname (lowercased, IPv4 normalised, IPv6 in brackets), not raw user text.
 */
export function isLoopbackHostname(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const m = IPV4.exec(hostname);
  return !!m && m[1] === '127' && m.slice(2).every((octet) => Number(octet) <= 255);
}

/** The rule for the REST API: `https:` anywhere, `http:` only to loopback. */
export function httpEndpointProblem(endpoint: string | URL): EndpointProblem | undefined {
  return problem(endpoint, 'https:', 'http:');
}

/** The same rule for WebSockets (the console): `wss:` anywhere, `ws:` only to loopback. */
export function webSocketEndpointProblem(endpoint: string | URL): EndpointProblem | undefined {
  return problem(endpoint, 'wss:', 'ws:');
}

function problem(endpoint: string | URL, secure: string, cleartext: string): EndpointProblem | undefined {
  let url: URL;
  try {
    url = typeof endpoint === 'string' ? new URL(endpoint.trim()) : endpoint;
  } catch {
    return { code: 'invalid_endpoint', message: `The endpoint is not a URL; write e.g. ${secure}//api.hetzner.cloud/v1.` };
  }
  if (url.username || url.password) {
    return { code: 'invalid_endpoint', message: 'The endpoint must not contain a user name or password.' };
  }
  if (url.protocol === secure) return undefined;
  if (url.protocol !== cleartext) {
    return { code: 'invalid_endpoint', message: `Unsupported protocol "${url.protocol}" in the endpoint; use ${secure}//.` };
  }
  if (isLoopbackHostname(url.hostname)) return undefined;
  return {
    code: 'insecure_endpoint',
    message:
      `Plain ${cleartext}// would send the API token unencrypted to "${url.hostname}": it is accepted ` +
      `only for loopback hosts, this computer (localhost, 127.0.0.0/8, [::1]). Use ${secure}//.`,
  };
}
