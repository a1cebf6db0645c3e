// How a firewall reads in the tree: the row, the rules (arrow, protocol, port, address summary), the
// tooltips (every address, Markdown escaped) and what it is applied to in words.
import * as assert from 'node:assert/strict';
import type { Firewall } from '../../../src/api/types';
import { appliedToList, firewallDescription, firewallTooltip, ipsSummary, ruleDescription, ruleLabel, ruleTooltip } from '../../../src/tree/firewallFormat';
import type { Lookup } from '../../../src/tree/format';

const lookup: Lookup = { serverName: (id) => ({ 1: 'web-1', 2: 'web-2' })[id], floatingIp: () => undefined };
const fw: Firewall = {
  id: 38,
  name: 'web_fw*',
  labels: { env: 'prod' },
  created: new Date('2026-01-02T03:04:05Z'),
  rules: [
    { direction: 'in', protocol: 'tcp', port: '22', sourceIps: ['203.0.113.0/24'], destinationIps: [], description: 'SSH *office*' },
    { direction: 'in', protocol: 'icmp', sourceIps: ['0.0.0.0/0', '::/0'], destinationIps: [] },
    { direction: 'out', protocol: 'udp', port: '53', sourceIps: [], destinationIps: ['192.0.2.1/32', '192.0.2.2/32', '2001:db8::1/128'] },
  ],
  appliedTo: [
    { type: 'server', serverId: 1 },
    { type: 'labelSelector', selector: 'env=prod', serverIds: [1, 2] },
  ],
};

describe('tree: firewall format', () => {
  it('the row: rules and the servers covered, each once', () => {
    assert.equal(firewallDescription(fw), '3 rules · applied to 2 servers (1 selector)');
    assert.equal(firewallDescription({ ...fw, rules: [], appliedTo: [] }), 'no rules · not applied');
  });

  it('a rule: arrow, direction, protocol and port; addresses summarised, all in the tooltip', () => {
    assert.deepEqual(fw.rules.map(ruleLabel), ['↓ in TCP 22', '↓ in ICMP', '↑ out UDP 53']);
    assert.deepEqual(fw.rules.map(ruleDescription), ['from 203.0.113.0/24 · SSH *office*', 'from any', 'to 3 ranges']);
    assert.equal(ipsSummary(['0.0.0.0/0']), '0.0.0.0/0');
    const tip = ruleTooltip(fw.rules[2]);
    for (const ip of fw.rules[2].destinationIps) assert.ok(tip.includes(`\`${ip}\``), ip);
    assert.ok(ruleTooltip(fw.rules[0]).includes('SSH \\*office\\*'), 'the description is escaped');
  });

  it('what it is applied to, in words, and the tooltip escapes names', () => {
    assert.equal(appliedToList(fw, lookup), 'web-1 and selector env=prod');
    assert.equal(appliedToList({ ...fw, appliedTo: [{ type: 'server', serverId: 1 }, { type: 'server', serverId: 2 }, { type: 'server', serverId: 9 }] }, lookup), 'web-1, web-2 and server 9');
    const tip = firewallTooltip(fw, lookup);
    assert.ok(tip.startsWith('**web\\_fw\\*** — Firewall'), tip);
    assert.ok(tip.includes('Rules: 2 inbound, 1 outbound'));
    assert.ok(tip.includes('Servers covered: 2'));
  });
});
