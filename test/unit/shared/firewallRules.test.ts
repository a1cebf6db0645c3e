import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FirewallRule } from '../../../src/shared/firewallRule';
import { checkCidr, checkPort, checkRule, checkRules, isIpv6Address, normalizeRule, splitIpList } from '../../../src/shared/firewallRuleCheck';
import {
  countChanges,
  mapFieldErrors,
  parseFirewallRulesFromWebview,
  parseFirewallRulesPanelState,
  parseFirewallRulesToWebview,
} from '../../../src/shared/protocol';

const IN: FirewallRule = { direction: 'in', protocol: 'tcp', port: '80', sourceIps: ['0.0.0.0/0', '::/0'], destinationIps: [], description: 'web' };
const OUT: FirewallRule = { direction: 'out', protocol: 'icmp', sourceIps: [], destinationIps: ['192.0.2.0/24'] };
const PANEL = { projectId: 'p-1', firewallId: 7, firewallName: 'fw' };

describe('firewall rules: ports as the API takes them', () => {
  it('accepts a port and a range within 1..65535', () => {
    for (const ok of ['1', '80', '65535', '1024-5000', '22-22']) assert.equal(checkPort(ok), undefined, ok);
  });

  it('refuses what the API refuses, saying why', () => {
    assert.match(checkPort('') ?? '', /Enter a port/);
    assert.match(checkPort('0') ?? '', /1 to 65535/);
    assert.match(checkPort('65536') ?? '', /1 to 65535/);
    assert.match(checkPort('5000-1024') ?? '', /from the lower to the higher port/);
    for (const bad of ['80 ', 'http', '1-2-3', '-5', '80,443', '1e3']) assert.ok(checkPort(bad), bad);
  });
});

describe('firewall rules: CIDR blocks', () => {
  it('accepts IPv4 and IPv6 blocks', () => {
    for (const ok of ['0.0.0.0/0', '192.0.2.0/24', '10.1.2.3/32', '::/0', '2001:db8::/32', '2001:0db8:9a3b:ee58:5ca:990c:8bc9:c03b/128', '::ffff:192.0.2.1/128', 'fe80::/64']) {
      assert.equal(checkCidr(ok), undefined, ok);
    }
  });

  it('refuses a bare address, suggesting /32 or /128', () => {
    assert.match(checkCidr('192.0.2.1') ?? '', /192\.0\.2\.1\/32/);
    assert.match(checkCidr('2001:db8::1') ?? '', /2001:db8::1\/128/);
  });

  it('refuses bad addresses and prefix lengths', () => {
    for (const bad of ['256.0.0.0/8', '1.2.3/24', '10.0.0.0/33', '10.0.0.0/', '10.0.0.1/24', '2001:db8::1/64', '::/129', '2001:db8:::1/64', '1:2:3:4:5:6:7:8:9/64', 'example.com/32', 'gg::/16', '']) {
      assert.ok(checkCidr(bad), bad);
    }
    assert.equal(isIpv6Address('1:2:3:4:5:6:7:8'), true);
    assert.equal(isIpv6Address('1:2:3:4:5:6:7'), false);
    assert.equal(isIpv6Address('1::2::3'), false);
  });

  it('splits an IP list on lines, commas and spaces, dropping blanks', () => {
    assert.deepEqual(splitIpList(' 10.0.0.0/8,\n192.0.2.0/24 ,, \n\n::/0 '), ['10.0.0.0/8', '192.0.2.0/24', '::/0']);
    assert.deepEqual(splitIpList('  \n '), []);
  });
});

describe('firewall rules: a rule and a list', () => {
  it('accepts valid rules', () => {
    assert.deepEqual(checkRule(IN), {});
    assert.deepEqual(checkRule(OUT), {});
    assert.deepEqual(checkRules([IN, OUT]), { rules: [{}, {}], ok: true });
  });

  it('a port only for tcp and udp, and required for them', () => {
    assert.match(checkRule({ ...IN, port: undefined }).port ?? '', /Enter a port/);
    assert.match(checkRule({ ...OUT, port: '80' }).port ?? '', /ICMP has no ports/);
    assert.equal(checkRule({ ...OUT, protocol: 'gre', port: '' }).port, undefined);
  });

  it('sources for inbound (required), destinations for outbound', () => {
    assert.match(checkRule({ ...IN, sourceIps: [] }).ips ?? '', /at least one source/);
    // The API takes an outbound rule without destinations.
    assert.equal(checkRule({ ...OUT, destinationIps: [] }).ips, undefined);
    assert.match(checkRule({ ...IN, destinationIps: ['10.0.0.0/8'] }).ips ?? '', /inbound rule has source IPs only/);
    assert.match(checkRule({ ...IN, sourceIps: ['10.0.0.1'] }).ips ?? '', /10\.0\.0\.1\/32/);
    assert.match(checkRule({ ...IN, sourceIps: ['10.0.0.1/8'] }).ips ?? '', /host bits set/);
  });

  it('the limits: 100 blocks per rule, 255 characters, 50 rules', () => {
    const many = Array.from({ length: 101 }, (_, i) => `10.0.${Math.floor(i / 256)}.${i % 256}/32`);
    assert.match(checkRule({ ...IN, sourceIps: many }).ips ?? '', /at most 100/);
    assert.deepEqual(checkRule({ ...IN, sourceIps: many.slice(0, 100) }), {});
    assert.match(checkRule({ ...IN, description: 'x'.repeat(256) }).description ?? '', /at most 255/);
    assert.equal(checkRule({ ...IN, description: 'x'.repeat(255) }).description, undefined);
    const list = checkRules(Array.from({ length: 51 }, () => IN));
    assert.equal(list.ok, false);
    assert.match(list.list ?? '', /at most 50 rules/);
    assert.equal(checkRules(Array.from({ length: 50 }, () => IN)).ok, true);
  });

  it('normalizeRule drops the port of icmp and the IPs of the other direction', () => {
    assert.deepEqual(normalizeRule({ ...OUT, port: '', sourceIps: ['1.2.3.4/32'], description: '' }), OUT);
  });
});

describe('firewall rules protocol', () => {
  it('parses each message both ways and drops unknown fields', () => {
    const init = { type: 'init', panel: PANEL, rules: [IN], edits: [IN, OUT], draft: { savedAt: Date.parse('2026-11-30T05:00:00Z'), serverChanged: true }, applying: false };
    assert.deepEqual(parseFirewallRulesToWebview({ ...init, token: 'x' }), init);
    assert.deepEqual(parseFirewallRulesToWebview({ type: 'applied', rules: [OUT] }), { type: 'applied', rules: [OUT] });
    const failed = { type: 'failed', message: 'invalid input', fields: [{ name: 'rules[1].port', messages: ['bad'], rule: 1, field: 'port' }] };
    assert.deepEqual(parseFirewallRulesToWebview(failed), failed);
    assert.deepEqual(parseFirewallRulesFromWebview({ type: 'apply', rules: [IN, OUT] }), { type: 'apply', rules: [IN, OUT] });
    assert.deepEqual(parseFirewallRulesFromWebview({ type: 'edit', rules: [] }), { type: 'edit', rules: [] });
    assert.deepEqual(parseFirewallRulesFromWebview({ type: 'discard' }), { type: 'discard' });
    assert.deepEqual(parseFirewallRulesPanelState({ ...PANEL, extra: 1 }), PANEL);
  });

  it('refuses wrong shapes', () => {
    const bad: unknown[] = [
      { type: 'apply' },
      { type: 'apply', rules: [{ ...IN, direction: 'sideways' }] },
      { type: 'apply', rules: [{ ...IN, protocol: 'sctp' }] },
      { type: 'apply', rules: [{ ...IN, sourceIps: '0.0.0.0/0' }] },
      { type: 'apply', rules: [{ ...IN, port: 80 }] },
      { type: 'apply', rules: Array.from({ length: 201 }, () => IN) },
      { type: 'edit', rules: {} },
      { type: 'run', command: 'rm -rf' },
      { type: 'constructor' },
      { type: '__proto__' },
      { type: 'hasOwnProperty' },
    ];
    for (const b of bad) assert.equal(parseFirewallRulesFromWebview(b), undefined, JSON.stringify(b).slice(0, 80));
    assert.equal(parseFirewallRulesToWebview({ type: 'init', panel: { ...PANEL, firewallId: 0 }, rules: [], applying: false }), undefined);
    assert.equal(parseFirewallRulesToWebview({ type: 'failed', message: 'x', fields: [{ name: 'a', messages: ['m'], field: 'color' }] }), undefined);
  });

  it('maps the API field names rules[i].field onto rows and fields', () => {
    const mapped = mapFieldErrors(
      [
        { name: 'rules[1].port', messages: ['port is invalid'] },
        { name: 'rules[0].source_ips[2]', messages: ['not a CIDR'] },
        { name: 'rules.2.destination_ips', messages: ['x'] },
        { name: 'rules[9].port', messages: ['out of range'] },
        { name: 'rules', messages: ['too many'] },
      ],
      3,
    );
    assert.deepEqual(mapped, [
      { name: 'rules[1].port', messages: ['port is invalid'], rule: 1, field: 'port' },
      { name: 'rules[0].source_ips[2]', messages: ['not a CIDR'], rule: 0, field: 'ips' },
      { name: 'rules.2.destination_ips', messages: ['x'], rule: 2, field: 'ips' },
      { name: 'rules[9].port', messages: ['out of range'] },
      { name: 'rules', messages: ['too many'] },
    ]);
  });

  it('counts changes: added, removed, edited (once), moved', () => {
    assert.equal(countChanges([IN, OUT], [IN, OUT]), 0);
    assert.equal(countChanges([IN, OUT], [IN]), 1);
    assert.equal(countChanges([IN], [IN, OUT, { ...OUT, protocol: 'gre' }]), 2);
    assert.equal(countChanges([IN, OUT], [{ ...IN, port: '443' }, OUT]), 1);
    assert.equal(countChanges([IN, { ...IN, port: '443' }], [{ ...IN, port: '443' }, IN]), 1);
    // An added outbound and a removed inbound rule are two changes, not one edit.
    assert.equal(countChanges([IN], [OUT]), 2);
  });
});

// --- properties ------------------------------------------------------------------------------

/** The bits of `words` (each `bits` wide) after the first `prefix` set to 0: a network address, as the API wants it. */
const network = (words: number[], bits: number, prefix: number) =>
  words.map((w, i) => {
    const kept = Math.max(0, Math.min(bits, prefix - bits * i));
    return kept === 0 ? 0 : w - (w % 2 ** (bits - kept));
  });
const v4 = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), fc.integer({ min: 0, max: 32 }))
  .map(([bytes, p]) => `${network(bytes, 8, p).join('.')}/${p}`);
const v6 = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }), fc.integer({ min: 0, max: 128 }))
  .map(([groups, p]) => `${network(groups, 16, p).map((g) => g.toString(16)).join(':')}/${p}`);
const portArb = fc.oneof(
  fc.integer({ min: 1, max: 65535 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
);
const validRule: fc.Arbitrary<FirewallRule> = fc
  .record({
    direction: fc.constantFrom('in' as const, 'out' as const),
    protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'icmp' as const, 'esp' as const, 'gre' as const),
    port: portArb,
    ips: fc.uniqueArray(fc.oneof(v4, v6), { minLength: 1, maxLength: 100 }),
    description: fc.option(fc.string({ maxLength: 255 }), { nil: undefined }),
  })
  .map(({ direction, protocol, port, ips, description }) =>
    normalizeRule({ direction, protocol, port, sourceIps: direction === 'in' ? ips : [], destinationIps: direction === 'out' ? ips : [], description }),
  );

describe('firewall rules: properties', () => {
  it('every rule the checker accepts survives a round trip through the protocol parser', () => {
    fc.assert(
      fc.property(fc.array(validRule, { maxLength: 50 }), (rules) => {
        assert.equal(checkRules(rules).ok, true);
        const sent = JSON.parse(JSON.stringify({ type: 'apply', rules }));
        assert.deepEqual(parseFirewallRulesFromWebview(sent), { type: 'apply', rules });
      }),
      { numRuns: 200 },
    );
  });

  it('no input makes the parsers or the checker throw', () => {
    const hostileRule = fc.record(
      {
        direction: fc.oneof(fc.constantFrom('in', 'out'), fc.anything()),
        protocol: fc.oneof(fc.constantFrom('tcp', 'udp', 'icmp'), fc.anything()),
        port: fc.oneof(fc.string(), fc.anything()),
        sourceIps: fc.oneof(fc.array(fc.string()), fc.anything()),
        destinationIps: fc.oneof(fc.array(fc.string()), fc.anything()),
        description: fc.oneof(fc.string(), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const message = fc.oneof(
      fc.anything(),
      fc.record({ type: fc.constantFrom('ready', 'edit', 'apply', 'discard', 'init', 'applied', 'failed', 'error', 'applying'), rules: fc.oneof(fc.array(hostileRule), fc.anything()), panel: fc.anything(), fields: fc.anything(), message: fc.anything(), applying: fc.anything() }, { requiredKeys: ['type'] }),
    );
    fc.assert(
      fc.property(message, (m) => {
        parseFirewallRulesFromWebview(m);
        parseFirewallRulesToWebview(m);
        parseFirewallRulesPanelState(m);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(hostileRule, (raw) => {
        const parsed = parseFirewallRulesFromWebview({ type: 'edit', rules: [raw] });
        if (parsed?.type === 'edit') checkRules(parsed.rules);
      }),
      { numRuns: 300 },
    );
  });

  it('any text typed as a CIDR gets an answer, never a throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => void checkCidr(s)));
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => void checkPort(s)));
  });
});
