// Pure checks of what a user types: hostnames (RFC 1123; reverse DNS names fully qualified),
// server names, IPv6 addresses inside a server's or a Floating IP's /64, and the characters of names. No vscode:
// unit-tested in test/unit/commands/validate.test.ts.
// Each validator returns undefined when the value is fine, or the message an input box shows.

import { UNSHOWABLE_CHARACTER } from '../tree/format';

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * The character rule of every name a user types (projects, SSH keys; server names are hostnames
 * already): no C0 or C1 control character, no DEL, no line or paragraph separator, and no bidi
 * control (U+061C, U+200E/U+200F, U+202A–U+202E, U+2066–U+2069), which could make a name show
 * other than it is. `what` starts the message, e.g. "A project name".
 */
export function unsafeCharacterProblem(value: string, what: string): string | undefined {
  const m = UNSHOWABLE_CHARACTER.exec(value);
  if (!m) return undefined;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `${what} cannot contain control characters or characters that change the direction of text (${code} at position ${m.index + 1}).`;
}

export interface HostnameRules {
  /** At least two parts (`www.example.com`), as a reverse DNS entry wants. */
  fullyQualified?: boolean;
}

/** validateInput of a free-text description (Floating IPs, images): at most `max` characters, and the character rule of names. */
export function validateDescription(value: string, max: number): string | undefined {
  if (value.length > max) return `At most ${max} characters.`;
  return unsafeCharacterProblem(value, 'A description');
}

/** RFC 1123 hostname: labels of 1-63 letters, digits and dashes (no dash first or last), dots between, at most 253 characters. */
export function validateHostname(value: string, rules: HostnameRules = {}): string | undefined {
  if (value.length === 0) return 'Enter a hostname.';
  if (value.length > 253) return 'A hostname has at most 253 characters.';
  const labels = value.endsWith('.') ? value.slice(0, -1).split('.') : value.split('.');
  for (const label of labels) {
    if (label.length === 0) return 'A hostname has no empty parts (no leading, trailing or double dots).';
    if (label.length > 63) return `"${label.slice(0, 20)}…" is longer than 63 characters; each part of a hostname has at most 63.`;
    if (!LABEL.test(label)) {
      return `"${label}" is not valid: use letters, digits and dashes only, and no dash at the start or end of a part (RFC 1123).`;
    }
  }
  if (rules.fullyQualified && labels.length < 2) return 'Enter a fully qualified hostname, e.g. www.example.com.';
  return undefined;
}

/** validateInput for a reverse DNS (PTR) name: surrounding spaces and a final dot are fine. */
export function validateReverseDnsName(value: string): string | undefined {
  return validateHostname(value.trim(), { fullyQualified: true });
}

/** A server name: an RFC 1123 hostname without a trailing dot, unique among the project's servers. */
export function validateServerName(name: string, takenNames: readonly string[]): string | undefined {
  if (name.trim() !== name) return 'A server name has no spaces at the start or end.';
  if (name.endsWith('.')) return 'A server name does not end with a dot.';
  const problem = validateHostname(name);
  if (problem) return problem;
  const lower = name.toLowerCase();
  if (takenNames.some((t) => t.toLowerCase() === lower)) return `The project already has a server named "${name}".`;
  return undefined;
}

/** The 8 16-bit groups of an IPv6 address, or undefined when it is not one (no zone, no embedded IPv4). */
export function parseIpv6(value: string): number[] | undefined {
  if (!/^[0-9a-f:]+$/i.test(value) || value.includes(':::')) return undefined;
  const halves = value.split('::');
  if (halves.length > 2) return undefined;
  const part = (s: string) => (s === '' ? [] : s.split(':'));
  const head = part(halves[0]);
  const tail = halves.length === 2 ? part(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return groups.map((g) => parseInt(g, 16));
}

/**
 * Checks that `value` is a single IPv6 address inside `network` (e.g. `2001:db8:1:2::/64`);
 * `owner` names the network in messages ("the server's network", "the Floating IP's network").
 */
export function validateIpv6InNetwork(value: string, network: string, owner = "the server's network"): string | undefined {
  const [prefix, bitsText] = network.split('/');
  const net = parseIpv6(prefix);
  const bits = Number(bitsText ?? 128);
  const ip = parseIpv6(value.trim());
  if (!ip) return `Enter an IPv6 address, e.g. ${net ? suggestIpv6(network) : '2001:db8::1'}.`;
  if (!net) return `The IPv6 network "${network}" cannot be read.`;
  for (let i = 0; i < 8; i++) {
    const take = Math.max(0, Math.min(16, bits - i * 16));
    const mask = take === 0 ? 0 : (0xffff << (16 - take)) & 0xffff;
    if ((ip[i] & mask) !== (net[i] & mask)) return `${value.trim()} is not inside ${owner} ${network}.`;
  }
  return undefined;
}

/** The first host address of a network, as a suggestion (`2001:db8::/64` → `2001:db8::1`). */
export function suggestIpv6(network: string): string {
  const prefix = network.split('/')[0];
  return prefix.endsWith('::') ? `${prefix}1` : prefix;
}
