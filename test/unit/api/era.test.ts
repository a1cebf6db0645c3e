// client.era: which API answers, learned from the servers and server types the client reads anyway,
// never by a request of its own (no /datacenters probe).
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { ApiEraTracker, eraOfServer, eraOfServerType } from '../../../src/api/era';
import type { ServerSchema, ServerTypeSchema } from '../../../src/api/schema';
import { forEachApi, useSimulator, type Env } from './helpers';

forEachApi('client.era', (api) => {
  const env = useSimulator({ api, seed: 'demo' });
  const empty = useSimulator({ api, seed: 'empty' });

  function freshClient(on: Env): HcloudClient {
    return new HcloudClient({ token: on.sim.token, endpoint: on.sim.url });
  }

  it(`is undefined until an answer shows it; the first server types answer says ${api}`, async () => {
    const client = freshClient(env);
    try {
      env.sim.clearRequests();
      assert.equal(client.era, undefined);
      await client.locations.list();
      await client.pricing.get();
      assert.equal(client.era, undefined, 'locations and prices do not tell');
      await client.serverTypes.list({ perPage: 1 });
      assert.equal(client.era, api);
      assert.deepEqual(env.sim.requests.map((r) => r.path), ['/locations', '/pricing', '/server_types'], 'no request of its own');
    } finally {
      client.dispose();
    }
  });

  it(`the first servers answer says ${api} (list, get)`, async () => {
    const listing = freshClient(env);
    const getting = freshClient(env);
    try {
      env.sim.clearRequests();
      const { items } = await listing.servers.list({ perPage: 1 });
      assert.equal(items.length, 1);
      assert.equal(listing.era, api);
      await getting.servers.get(items[0].id);
      assert.equal(getting.era, api);
      assert.ok(env.sim.requests.every((r) => r.path.startsWith('/servers')), 'no request of its own');
    } finally {
      listing.dispose();
      getting.dispose();
    }
  });

  it('an empty servers list does not tell; a server type does', async () => {
    const client = freshClient(empty);
    try {
      assert.deepEqual((await client.servers.list()).items, []);
      assert.equal(client.era, undefined);
      await client.serverTypes.get((await empty.client.serverTypes.list({ perPage: 1 })).items[0].id);
      assert.equal(client.era, api);
      assert.equal(empty.sim.requests.filter((r) => r.path.startsWith('/datacenters')).length, 0);
    } finally {
      client.dispose();
    }
  });
});

describe('ApiEraTracker', () => {
  const server = { id: 1, name: 'a' } as ServerSchema;
  const type = { id: 1, name: 'cx22' } as ServerTypeSchema;

  it('reads the era from one answer: datacenter on a server, locations[] on a server type', () => {
    assert.equal(eraOfServer({ ...server, datacenter: {} as never }), '2018');
    assert.equal(eraOfServer(server), '2026');
    assert.equal(eraOfServerType({ ...type, locations: [] }), '2026');
    assert.equal(eraOfServerType(type), '2018');
    assert.equal(eraOfServerType({ ...type, locations: 'fsn1' as never }), '2018');
    assert.equal(eraOfServer(null), undefined);
    assert.equal(eraOfServerType('cx22' as never), undefined);
  });

  it('keeps the latest era an answer showed; an answer that shows none changes nothing', () => {
    const tracker = new ApiEraTracker();
    assert.equal(tracker.era, undefined);
    tracker.note(undefined);
    assert.equal(tracker.era, undefined);
    tracker.note('2018');
    tracker.note(undefined);
    assert.equal(tracker.era, '2018');
    tracker.note('2026');
    assert.equal(tracker.era, '2026');
  });
});
