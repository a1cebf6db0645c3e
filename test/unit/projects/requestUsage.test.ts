// Who spent a project's requests: the sliding hour of RequestUsage (a fake clock), and the pool's
// per-source views (SourcedTransport) tagging every exchange, pages and retries included, over one
// transport and one budget.
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { HttpTransport } from '../../../src/api/http';
import type { RequestLogEntry } from '../../../src/api/transport';
import { RequestUsage } from '../../../src/projects/requestUsage';
import { ScopedTransport } from '../../../src/projects/scopedTransport';
import { SourcedTransport } from '../../../src/projects/sourcedTransport';
import { startSimulator } from '../../../src/sim/simulator';

const HOUR = 3_600_000;

describe('RequestUsage (the last hour\'s requests by source)', () => {
  it('counts each source over a sliding hour: a request an hour old no longer counts', () => {
    const usage = new RequestUsage();
    const t0 = 1_000_000;
    usage.record('tree', t0);
    usage.record('tree', t0 + 10 * 60_000);
    usage.record('commands', t0 + 30 * 60_000);
    usage.record('actionLog', t0 + 59 * 60_000);
    assert.deepEqual(usage.counts(t0 + 59 * 60_000), { tree: 2, actionLog: 1, panels: 0, commands: 1 });
    assert.deepEqual(usage.counts(t0 + HOUR - 1), { tree: 2, actionLog: 1, panels: 0, commands: 1 }, 'just under an hour: still counted');
    assert.deepEqual(usage.counts(t0 + HOUR), { tree: 1, actionLog: 1, panels: 0, commands: 1 }, 'exactly an hour old: gone');
    assert.deepEqual(usage.counts(t0 + 30 * 60_000 + HOUR), { tree: 0, actionLog: 1, panels: 0, commands: 0 });
    usage.record('panels', t0 + 2 * HOUR + 1);
    assert.deepEqual(usage.counts(t0 + 2 * HOUR + 1), { tree: 0, actionLog: 0, panels: 1, commands: 0 });
  });

  it('per-source views of one transport tag every exchange (pages, retries) and share its budget and era', async () => {
    const token = 'request-usage-token-5e02';
    const sim = await startSimulator({ token, actionMs: 60, rateLimit: 500 });
    try {
      const log: RequestLogEntry[] = [];
      const http = new HttpTransport({ token, endpoint: sim.url, perPage: 2, retryBaseMs: 1, onRequest: (e) => log.push(e) });
      const base = new HcloudClient({ transport: new ScopedTransport(http, new AbortController().signal) });
      const tree = base.over(new SourcedTransport(base.transport, 'tree'));
      const commands = base.over(new SourcedTransport(base.transport, 'commands'));
      const servers = await tree.servers.listAll();
      const pages = Math.ceil(servers.length / 2);
      assert.ok(pages >= 2, 'the list takes several pages');
      sim.setFaults({ kind: 'status', statuses: [502], failNext: 1 });
      await commands.locations.list();
      assert.deepEqual(log.map((e) => e.source), [...Array(pages).fill('tree'), 'commands', 'commands'], 'each page and the retry carry their sender');
      assert.equal(commands.era, '2026', 'the era the tree view learned is the commands view\'s too');
      assert.equal(tree.budget?.remaining, commands.budget?.remaining, 'one budget');
      assert.equal(commands.budget?.remaining, 500 - pages - 2);
      tree.dispose();
      assert.ok(await commands.servers.get(servers[0].id), 'disposing a view leaves the transport working');
      base.dispose();
    } finally {
      await sim.close();
    }
  });
});
