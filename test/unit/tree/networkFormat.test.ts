import * as assert from 'node:assert/strict';
import type { Network } from '../../../src/api/types';
import { networkDescription, networkTooltip, subnetDescription } from '../../../src/tree/networkFormat';
import { serverTooltip } from '../../../src/tree/format';
import { HcloudClient } from '../../../src/api/client';
import { startSimulator } from '../../../src/sim/simulator';
import { fetchFolder } from '../../../src/tree/fetch';

const NET: Network = {
  id: 7,
  name: 'back*end_',
  ipRange: '10.0.0.0/16',
  subnets: [
    { type: 'cloud', ipRange: '10.0.1.0/24', networkZone: 'eu-central', gateway: '10.0.0.1' },
    { type: 'vswitch', ipRange: '10.0.2.0/24', networkZone: 'eu-central', gateway: '10.0.2.1', vswitchId: 1000 },
    { type: 'server', ipRange: '10.0.3.0/24', networkZone: 'eu-central', gateway: '10.0.3.1' },
  ],
  routes: [{ destination: '10.100.0.0/24', gateway: '10.0.1.10' }],
  serverIds: [42],
  loadBalancerIds: [],
  protection: { delete: true },
  labels: { env: 'prod' },
  exposeRoutesToVswitch: false,
};
const lookup = { serverName: (id: number) => (id === 42 ? 'web-1' : undefined), floatingIp: () => undefined, networkName: (id: number) => (id === 7 ? 'back*end_' : undefined) };

describe('tree: Networks', () => {
  it('the row shows the IP range, the subnets and servers counted, protection', () => {
    assert.equal(networkDescription(NET), '10.0.0.0/16 · 3 subnets · 1 server · protected');
  });

  it('subnets say type, zone and gateway; the deprecated server type says so', () => {
    assert.deepEqual(NET.subnets.map(subnetDescription), [
      'cloud · eu-central · gateway 10.0.0.1',
      'vSwitch 1000 · eu-central · gateway 10.0.2.1',
      'server (deprecated: same as cloud) · eu-central · gateway 10.0.3.1',
    ]);
  });

  it('the tooltip escapes the name and lists subnets, routes, servers, labels', () => {
    const t = networkTooltip(NET, lookup);
    assert.match(t, /^\*\*back\\\*end\\_\*\* — Network `10\.0\.0\.0\/16`/);
    assert.match(t, /Routes: `10\.100\.0\.0\/24` → `10\.0\.1\.10`/);
    assert.match(t, /Servers: web\\-1/);
    assert.match(t, /Protection: protected against delete/);
    assert.match(t, /env/);
  });

  it("a server's tooltip lists its private IPs with their Network; none without", async () => {
    const sim = await startSimulator({ port: 0, token: 't', seed: 'demo' });
    const client = new HcloudClient({ token: 't', endpoint: sim.url });
    try {
      const server = await client.servers.get(42);
      assert.ok(server);
      const withNet = serverTooltip({ ...server, privateNet: [{ networkId: 7, ip: '10.0.1.2', aliasIps: ['10.0.1.100'] }] }, lookup);
      assert.match(withNet, /Private IPs: `10\.0\.1\.2`, `10\.0\.1\.100` in back\\\*end\\_/);
      assert.doesNotMatch(serverTooltip({ ...server, privateNet: [] }, lookup), /Private IPs/);
      const networks = await fetchFolder(client, 'networks');
      assert.deepEqual(networks.map((n) => n.name), ['backend', 'legacy-net']);
    } finally {
      client.dispose();
      await sim.close();
    }
  });
});
