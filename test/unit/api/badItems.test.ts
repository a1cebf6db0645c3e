// One item the client cannot read must not fail its list (issue 10, finding 8). The answers are
// hand-written: the simulator never sends a server without server_type (a hand-written answer is kept for
// cases the simulator cannot produce).
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { HcloudError } from '../../../src/api/errors';
import { describeBadItem, skippedItems, type BadItem } from '../../../src/api/resources/base';
import type { ApiTransport, Page } from '../../../src/api/transport';
import { serverTooltip, sshKeyTooltip } from '../../../src/tree/format';

const location = { id: 1, name: 'fsn1', description: 'Falkenstein DC Park 1', country: 'DE', city: 'Falkenstein', latitude: 50.47, longitude: 12.37, network_zone: 'eu-central' };
const serverType = { id: 1, name: 'cx22', description: 'CX22', cores: 2, memory: 4, disk: 40, prices: [], storage_type: 'local', cpu_type: 'shared', architecture: 'x86', locations: [] };

function server(id: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: `web-${id}`,
    status: 'running',
    created: '2026-01-01T00:00:00+00:00',
    public_net: { ipv4: { ip: `203.0.113.${id}`, blocked: false, dns_ptr: 'x.example' }, ipv6: null, floating_ips: [] },
    server_type: serverType,
    location,
    image: null,
    iso: null,
    rescue_enabled: false,
    locked: false,
    backup_window: null,
    outgoing_traffic: 0,
    ingoing_traffic: 0,
    included_traffic: 0,
    protection: { delete: false, rebuild: false },
    labels: {},
    ...extra,
  };
}

/** A transport that answers every list with `items` under `key` and every item GET with `one`. */
function fakeTransport(bodies: Record<string, unknown>): ApiTransport {
  const bodyOf = (path: string) => {
    const body = bodies[path];
    if (body === undefined) throw new HcloudError({ code: 'not_found', message: `no ${path}`, status: 404 });
    return structuredClone(body);
  };
  return {
    rateLimit: undefined,
    request: async <W>(_method: string, path: string) => bodyOf(path) as W,
    getPage: async <W>(path: string, page: number, perPage: number): Promise<Page<W>> => ({
      body: bodyOf(path) as W,
      pagination: { page, perPage, lastPage: 1, totalEntries: null, nextPage: null },
    }),
    listAll: async <T>(path: string, key: string) => (bodyOf(path) as Record<string, T[]>)[key],
  };
}

describe('client: one unreadable item does not fail its list', () => {
  const broken = [server(1), server(2, { server_type: null }), server(3, { name: null, public_net: undefined }), server(4)];
  let reported: BadItem[];
  let client: HcloudClient;

  beforeEach(() => {
    reported = [];
    client = new HcloudClient({
      transport: fakeTransport({ '/servers': { servers: broken }, '/servers/2': { server: broken[1] }, '/ssh_keys': { ssh_keys: [{ id: 7, name: null, fingerprint: null, public_key: null, labels: {} }] } }),
      onBadItem: (item) => reported.push(item),
    });
  });

  it('listAll leaves out the server without server_type, keeps the rest and counts what it left out', async () => {
    const servers = await client.servers.listAll();
    assert.deepEqual(
      servers.map((s) => s.id),
      [1, 3, 4],
    );
    assert.equal(skippedItems(servers), 1);
    assert.deepEqual(reported, [{ path: '/servers', id: 2, problem: 'server_type is null' }]);
    assert.match(describeBadItem(reported[0]), /^Left out item 2 of \/servers: server_type is null\./);
  });

  it('list (one page) does the same; the same bad item is reported once however often it is read', async () => {
    const page = await client.servers.list();
    assert.deepEqual(
      page.items.map((s) => s.id),
      [1, 3, 4],
    );
    assert.equal(skippedItems(page.items), 1);
    await client.servers.listAll();
    await client.servers.list();
    assert.equal(reported.length, 1);
  });

  it('a complete list has nothing left out', async () => {
    const ok = new HcloudClient({ transport: fakeTransport({ '/servers': { servers: [server(1)] } }) });
    assert.equal(skippedItems(await ok.servers.listAll()), 0);
  });

  it('get of the bad item rejects with invalid_response that says why, not a raw TypeError', async () => {
    await assert.rejects(client.servers.get(2), (e: unknown) => {
      assert.ok(e instanceof HcloudError);
      assert.equal(e.code, 'invalid_response');
      assert.match(e.message, /GET \/servers\/2 holds a server that cannot be read \(server_type is null\)/);
      assert.doesNotMatch(e.message, /Cannot read properties|TypeError/);
      return true;
    });
  });

  it('name: null and a missing public_net give safe defaults, and the tooltips render', async () => {
    const s = (await client.servers.listAll()).find((x) => x.id === 3);
    assert.ok(s);
    assert.equal(s.name, '');
    assert.equal(s.publicNet.ipv4, undefined);
    assert.deepEqual(s.publicNet.floatingIpIds, []);
    assert.match(serverTooltip(s), /running/);
    const [key] = await client.sshKeys.listAll();
    assert.deepEqual([key.name, key.fingerprint, key.publicKey], ['', '', '']);
    assert.equal(typeof sshKeyTooltip(key), 'string');
  });
});
