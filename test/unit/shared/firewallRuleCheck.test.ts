// The firewall rule checks the simulator answers with and the rules editor uses: ports and ranges,
// CIDR blocks (networks or single hosts, IPv4 and IPv6), RFC 5952 canonical IPv6, and which fields
// each direction and protocol take. Properties with fast-check: any address round-trips to one form.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FirewallRule } from '../../../src/shared/firewallRule';
import { canonicalFirewallRule, firewallPortProblem, firewallRuleProblems, parseFirewallCidr } from '../../../src/shared/firewallRuleCheck';

const cidr = (text: string) => {
  const r = parseFirewallCidr(text);
  return 'cidr' in r ? r.cidr : undefined;
};
const rule = (over: Partial<FirewallRule>): FirewallRule => ({ direction: 'in', protocol: 'tcp', port: '22', sourceIps: ['0.0.0.0/0'], destinationIps: [], ...over });

describe('shared: firewall rule checks', () => {
  it('ports: one port or a range from low to high, 1 to 65535', () => {
    for (const ok of ['1', '80', '65535', '1024-5000', '22-22']) assert.equal(firewallPortProblem(ok), undefined, ok);
    for (const bad of ['0', '65536', '5000-1024', '80-', '-80', 'http', '1 - 2', '', '080000']) assert.ok(firewallPortProblem(bad), bad);
  });

  it('CIDR blocks: networks with empty host bits or single hosts; IPv6 in RFC 5952 form', () => {
    assert.equal(cidr('10.0.1.0/24'), '10.0.1.0/24');
    assert.equal(cidr('10.0.1.1/32'), '10.0.1.1/32');
    assert.equal(cidr('0.0.0.0/0'), '0.0.0.0/0');
    assert.equal(cidr('10.0.1.1/24'), undefined, 'host bits set');
    assert.equal(cidr('10.0.1.0/33'), undefined);
    assert.equal(cidr('10.0.1.0'), undefined, 'no prefix');
    assert.equal(cidr('256.0.0.0/8'), undefined);
    assert.equal(cidr('::/0'), '::/0');
    assert.equal(cidr('2001:0DB8:0:0:0:0:0:1/128'), '2001:db8::1/128');
    assert.equal(cidr('2001:db8:0:0:1:0:0:1/128'), '2001:db8::1:0:0:1/128', 'the first of two equal zero runs');
    assert.equal(cidr('2001:db8:0:1:1:1:1:1/128'), '2001:db8:0:1:1:1:1:1/128', 'a single zero group stays');
    assert.equal(cidr('2001:db8::/32'), '2001:db8::/32');
    assert.equal(cidr('2001:db8::1/64'), undefined, 'host bits set');
    assert.equal(cidr('2001:db8:::1/128'), undefined);
    assert.equal(cidr('2001:db8::1::2/128'), undefined);
    assert.equal(cidr('1:2:3:4:5:6:7:8:9/128'), undefined);
    assert.equal(cidr('::/129'), undefined);
  });

  it('any IPv6 host address has one canonical form, which parses to itself', () => {
    const word = fc.integer({ min: 0, max: 0xffff });
    fc.assert(
      fc.property(fc.array(word, { minLength: 8, maxLength: 8 }), fc.boolean(), (words, upper) => {
        const text = words.map((w) => w.toString(16).padStart(upper ? 4 : 1, '0')).join(':');
        const canonical = cidr(`${upper ? text.toUpperCase() : text}/128`);
        assert.ok(canonical, text);
        assert.equal(cidr(canonical), canonical);
        assert.ok(!/(^|:)0[0-9a-f]/.test(canonical.replace('/128', '')), `no leading zeros: ${canonical}`);
        assert.equal(canonical, canonical.toLowerCase());
      }),
    );
  });

  it('fields by direction and protocol, limits, and canonical rules', () => {
    assert.deepEqual(firewallRuleProblems(rule({})), []);
    assert.deepEqual(firewallRuleProblems(rule({ port: undefined })).map((p) => p.field), ['port']);
    assert.deepEqual(firewallRuleProblems(rule({ protocol: 'icmp' })).map((p) => p.field), ['port']);
    assert.deepEqual(firewallRuleProblems(rule({ protocol: 'gre', port: undefined })), []);
    assert.deepEqual(firewallRuleProblems(rule({ sourceIps: [] })).map((p) => p.field), ['source_ips']);
    assert.deepEqual(firewallRuleProblems(rule({ destinationIps: ['10.0.0.0/8'] })).map((p) => p.field), ['destination_ips']);
    assert.deepEqual(firewallRuleProblems(rule({ direction: 'out', sourceIps: [], destinationIps: [] })), [], 'out without destinations: anywhere');
    assert.deepEqual(firewallRuleProblems(rule({ sourceIps: Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`) })).map((p) => p.field), ['source_ips']);
    assert.deepEqual(firewallRuleProblems(rule({ description: 'x'.repeat(256) })).map((p) => p.field), ['description']);
    assert.deepEqual(canonicalFirewallRule(rule({ sourceIps: ['2001:DB8::/32', '10.0.0.0/8'] })).sourceIps, ['2001:db8::/32', '10.0.0.0/8']);
  });
});
