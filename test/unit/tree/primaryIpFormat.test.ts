// How a Primary IP reads in the tree (src/tree/primaryIpFormat.ts): the row's description, the
// tooltip (price net and gross from the project's prices, reverse DNS, protection, labels; API text
// escaped) and the label of a server's address leaf; and the folder's one list request.
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import type { Pricing, PrimaryIp } from '../../../src/api/types';
import { startSimulator } from '../../../src/sim/simulator';
import { fetchFolder, folderClass } from '../../../src/tree/fetch';
import { primaryIpDescription, primaryIpTooltip, publicIpLabel } from '../../../src/tree/primaryIpFormat';

const money = (net: number, gross: number) => ({ net, gross, currency: 'EUR' });
const pricing = { primaryIps: [{ type: 'ipv4', prices: [{ location: 'fsn1', monthly: money(0.5, 0.6) }] }] } as unknown as Pricing;

function pip(over: Partial<PrimaryIp> = {}): PrimaryIp {
  return {
    id: 7,
    name: 'web_[ip]',
    ip: '203.0.113.9',
    type: 'ipv4',
    assigneeId: 42,
    autoDelete: true,
    blocked: false,
    dnsPtr: [{ ip: '203.0.113.9', dnsPtr: 'www.example.com' }],
    location: { id: 1, name: 'fsn1', description: '', country: 'DE', city: 'Falkenstein' } as PrimaryIp['location'],
    protection: { delete: false },
    labels: { env: '*prod*' },
    ...over,
  };
}

const lookup = { serverName: (id: number) => (id === 42 ? 'web-1' : undefined), floatingIp: () => undefined, pricing: () => pricing, primaryIpName: (id: number) => (id === 7 ? 'web_[ip]' : undefined) };

describe('tree: Primary IPs', () => {
  it('the row: name, assignee (server name or unassigned), auto-delete, location, protection', () => {
    assert.equal(primaryIpDescription(pip(), lookup), 'web_[ip] · → web-1 · auto-delete · fsn1');
    assert.equal(primaryIpDescription(pip({ assigneeId: undefined, autoDelete: false, protection: { delete: true } }), lookup), 'web_[ip] · unassigned · fsn1 · protected');
  });

  it('the tooltip: price gross with net, reverse DNS, protection and labels, API text escaped', () => {
    const text = primaryIpTooltip(pip(), lookup);
    assert.ok(text.includes('Price: €0\\.60\\/mo \\(€0\\.50\\/mo net\\)'), text);
    assert.match(text, /Name: web\\_\\\[ip\\\]/);
    assert.match(text, /Server: assigned to web\\-1/);
    assert.match(text, /Reverse DNS: 203\\.0\\.113\\.9 → www\\.example\\.com/);
    assert.match(text, /Auto-delete: yes/);
    assert.ok(text.includes('Labels: env\\=\\*prod\\*'), text);
    assert.match(primaryIpTooltip(pip({ type: 'ipv6', ip: '2001:db8::/64', dnsPtr: [] }), lookup), /Price: unknown[^]*Reverse DNS: none/);
  });

  it('a server\'s address leaf names its Primary IP (by id until the names load); none in the 2018 API', () => {
    assert.equal(publicIpLabel('ipv4', 7, lookup), 'IPv4 · web_[ip]');
    assert.equal(publicIpLabel('ipv6', 8, lookup), 'IPv6 · Primary IP #8');
    assert.equal(publicIpLabel('ipv4', undefined, lookup), 'IPv4');
  });

  it('the folder is slow and one list request, sorted by address', async () => {
    assert.equal(folderClass.primaryIps, 'slow');
    const sim = await startSimulator({ port: 0, token: 't', seed: 'demo' });
    const client = new HcloudClient({ token: 't', endpoint: sim.url, retryBaseMs: 5 });
    try {
      const list = await fetchFolder(client, 'primaryIps', { labelSelector: 'env=staging' });
      assert.deepEqual(list.map((p) => p.name), ['spare-primary-ipv4']);
      assert.deepEqual(sim.requests.map((r) => [r.method, r.path, r.query.label_selector]), [['GET', '/primary_ips', ['env=staging']]]);
      const all = await fetchFolder(client, 'primaryIps');
      assert.deepEqual(all.map((p) => p.ip), [...all.map((p) => p.ip)].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    } finally {
      client.dispose();
      await sim.close();
    }
  });
});
