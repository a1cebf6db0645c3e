// Input checks for Floating IP commands: reverse DNS hostnames and IPv6 addresses inside a /64.
// Pure: no vscode, unit-tested (test/unit/commands/floatingIpInput.test.ts). The address parser is
// the servers' (validate.ts); the messages here are the Floating IP commands' own.
import { parseIpv6 as parseAddress } from './validate';

/** validateInput for a reverse DNS hostname (RFC 1123 labels, at most 253 characters). */
export function validateHostname(value: string): string | undefined {
  const v = value.trim().replace(/\.$/, '');
  if (!v) return 'Enter a hostname, e.g. www.example.com.';
  if (v.length > 253) return 'At most 253 characters.';
  const labels = v.split('.');
  for (const label of labels) {
    if (!label) return 'A hostname has no empty parts (two dots in a row).';
    if (label.length > 63) return `"${label.slice(0, 20)}…" is longer than 63 characters.`;
    if (!/^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/.test(label)) {
      return `"${label}" may contain only letters, digits and hyphens, and may not start or end with a hyphen.`;
    }
  }
  if (labels.length < 2) return 'Enter a fully qualified hostname, e.g. www.example.com.';
  return undefined;
}

/** The 8 groups of an IPv6 address as numbers, or undefined when it is not one (surrounding spaces ignored). */
export function parseIpv6(text: string): number[] | undefined {
  return parseAddress(text.trim());
}

/** validateInput for one IPv6 address inside `network` (e.g. `2001:db8:1:2::/64`). */
export function validateIpv6InNetwork(value: string, network: string): string | undefined {
  const [prefix, bits] = network.split('/');
  const addr = parseIpv6(value);
  if (!addr) return 'Enter an IPv6 address, e.g. ' + suggestIpv6(network) + '.';
  const net = parseIpv6(prefix);
  const n = Number(bits ?? 64);
  if (!net) return undefined; // cannot check; the API will
  for (let bit = 0; bit < n; bit++) {
    const g = Math.floor(bit / 16);
    const mask = 1 << (15 - (bit % 16));
    if ((addr[g] & mask) !== (net[g] & mask)) return `The address must lie inside ${network}.`;
  }
  return undefined;
}

/** The first host address of a network, as a suggestion (`2001:db8::/64` → `2001:db8::1`). */
export function suggestIpv6(network: string): string {
  const prefix = network.split('/')[0];
  return prefix.endsWith('::') ? `${prefix}1` : prefix;
}
