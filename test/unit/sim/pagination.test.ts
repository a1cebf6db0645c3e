import * as assert from 'node:assert/strict';
import { fieldNames, withSim, type Json } from './helpers';

/** rel -> URL of an RFC 5988 Link header. */
function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(',')) {
    const m = /<([^>]+)>;\s*rel="(\w+)"/.exec(part.trim());
    if (m) out[m[2]] = m[1];
  }
  return out;
}

describe('sim: pagination at scale (1,000 extra servers)', () => {
  const api = withSim({ api: '2018', extraServers: 1000 });

  it('answers meta.pagination and a Link header on the first page', async () => {
    const res = await api.get('/servers?per_page=50');
    assert.equal(res.status, 200);
    assert.equal(res.body.servers.length, 50);
    assert.deepEqual(res.body.meta.pagination, { page: 1, per_page: 50, previous_page: null, next_page: 2, last_page: 21, total_entries: 1008 });
    const rel = links(res.headers.get('link'));
    assert.deepEqual(Object.keys(rel).sort(), ['last', 'next']);
    assert.equal(rel.next, `${api.sim.url}/servers?page=2&per_page=50`);
    assert.equal(rel.last, `${api.sim.url}/servers?page=21&per_page=50`);
  });

  it('defaults to 25 per page and names prev/next/last in the middle', async () => {
    const res = await api.get('/servers?page=3');
    assert.deepEqual(res.body.meta.pagination, { page: 3, per_page: 25, previous_page: 2, next_page: 4, last_page: 41, total_entries: 1008 });
    const rel = links(res.headers.get('link'));
    assert.equal(rel.prev, `${api.sim.url}/servers?page=2&per_page=25`);
    assert.equal(rel.next, `${api.sim.url}/servers?page=4&per_page=25`);
    assert.equal(rel.last, `${api.sim.url}/servers?page=41&per_page=25`);
  });

  it('walks every page through the Link header: all servers once, in id order', async () => {
    const ids: number[] = [];
    let url: string | undefined = `${api.sim.url}/servers?per_page=50`;
    let pages = 0;
    const started = Date.now();
    while (url) {
      const res: Response = await fetch(url, { headers: { Authorization: 'Bearer demo' } });
      const body = (await res.json()) as Json;
      ids.push(...body.servers.map((s: Json) => s.id));
      url = links(res.headers.get('link')).next;
      pages++;
    }
    console.log(`      (21 pages of 50 servers in ${Date.now() - started} ms)`);
    assert.equal(pages, 21);
    assert.equal(ids.length, 1008);
    assert.equal(new Set(ids).size, 1008);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  });

  it('the last page has no next; beyond it the list is empty', async () => {
    const last = await api.get('/servers?page=21&per_page=50');
    assert.equal(last.body.servers.length, 8);
    assert.equal(last.body.meta.pagination.next_page, null);
    assert.ok(!('next' in links(last.headers.get('link'))));
    const beyond = await api.get('/servers?page=30&per_page=50');
    assert.deepEqual(beyond.body.servers, []);
    assert.equal(beyond.body.meta.pagination.next_page, null);
  });

  it('keeps filters and sorts in the Link URLs', async () => {
    const res = await api.get('/servers?sort=name:desc&per_page=10&page=2');
    assert.deepEqual(
      res.body.servers.slice(0, 2).map((s: Json) => s.name),
      ['scale-0993', 'scale-0992'],
      'web-2, web-1, vpn-hel, scale-1000 … come first',
    );
    const rel = links(res.headers.get('link'));
    assert.equal(rel.prev, `${api.sim.url}/servers?sort=name%3Adesc&page=1&per_page=10`);
    assert.equal(rel.next, `${api.sim.url}/servers?sort=name%3Adesc&page=3&per_page=10`);
  });

  it('finds one of the scale servers by name', async () => {
    const res = await api.get('/servers?name=scale-0777');
    assert.equal(res.body.servers.length, 1);
    assert.equal(res.body.meta.pagination.total_entries, 1);
  });

  it('refuses per_page above 50 and pages below 1', async () => {
    for (const query of ['per_page=51', 'per_page=0', 'page=0', 'page=x']) {
      const res = await api.get(`/servers?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error.code, 'invalid_input');
      assert.deepEqual(fieldNames(res), [query.split('=')[0]], query);
    }
  });

  it('paginates the other lists too', async () => {
    for (const path of ['/actions', '/images', '/floating_ips', '/ssh_keys', '/server_types', '/locations', '/datacenters', '/isos']) {
      const res = await api.get(`${path}?per_page=1`);
      assert.equal(res.status, 200, path);
      assert.equal(res.body.meta.pagination.per_page, 1, path);
      assert.ok(res.headers.get('link')?.includes('rel="last"'), path);
    }
  });
});
