// Costs in the tree: the price texts of src/tree/costFormat.ts on the simulator's demo resources,
// and the project total's cache (src/tree/projectCosts.ts): what it lists, when, and what it reuses.
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { backupsMonthly, serverMonthly, snapshotMonthly } from '../../../src/api/costs';
import type { Image, Pricing, Server } from '../../../src/api/types';
import { formatMonthly, formatPriceDetail } from '../../../src/shared/price';
import { startSimulator } from '../../../src/sim/simulator';
import type { Simulator } from '../../../src/sim/types';
import { floatingIpPriceLine, imagePriceLine, projectTotalLines, projectTotalText, serverPriceLines, serverPriceText } from '../../../src/tree/costFormat';
import { fetchFolder, type FolderData } from '../../../src/tree/fetch';
import { COSTS_MAX_AGE_MS, HANDOVER_MAX_AGE_MS, ProjectCostCache, type CostWhat } from '../../../src/tree/projectCosts';

const unescape = (md: string) => md.replace(/\\(.)/g, '$1');

describe('tree: costs', () => {
  let sim: Simulator;
  let client: HcloudClient;
  let pricing: Pricing;
  let servers: Server[];
  let snapshots: Image[];

  before(async () => {
    sim = await startSimulator({ token: 't', seed: 'demo', actionMs: 60 });
    client = new HcloudClient({ token: 't', endpoint: sim.url });
    pricing = await client.pricing.get();
    servers = await client.servers.listAll();
    snapshots = await client.images.listAll({ type: 'snapshot' });
  });
  after(async () => {
    client.dispose();
    await sim.close();
  });

  it("a server's row and tooltip: its type's price; with backups on, their percentage and the total", () => {
    const plain = servers.find((s) => !s.backupWindow)!;
    const db = servers.find((s) => s.backupWindow)!;
    const base = serverMonthly(db, pricing)!;
    const backups = backupsMonthly(base, pricing.serverBackupPercentage);
    assert.equal(serverPriceText(plain, undefined), formatMonthly(serverMonthly(plain)), 'no /pricing needed without backups');
    assert.equal(serverPriceText(db, pricing), formatMonthly({ ...base, gross: base.gross + backups.gross }));
    assert.equal(serverPriceText(db, undefined), `${formatMonthly(base)} + backups`);
    const lines = serverPriceLines(db, pricing).map(unescape);
    assert.deepEqual(lines.slice(0, 2), [`Price: ${formatPriceDetail(base)}`, `Backups: +${pricing.serverBackupPercentage}%: ${formatPriceDetail(backups)}`]);
    assert.match(lines[2], /^Total: €\d+\.\d\d\/mo \(€\d+\.\d\d\/mo net\)$/);
    assert.match(serverPriceLines(db, undefined)[1], /unknown/);
  });

  it('a Floating IP, a snapshot and a backup: price lines', async () => {
    const fip = (await client.floatingIps.listAll())[0];
    assert.match(unescape(floatingIpPriceLine(fip, pricing)), /^Price: €\d+\.\d\d\/mo \(€\d+\.\d\d\/mo net\)$/);
    assert.match(floatingIpPriceLine(fip, undefined), /not loaded/);
    const snap = snapshots.find((i) => i.imageSize !== undefined)!;
    assert.equal(unescape(imagePriceLine(snap, pricing)!), `Price: ${formatPriceDetail(snapshotMonthly(snap, pricing))}`);
    assert.match(imagePriceLine({ ...snap, type: 'backup' }, pricing)!, /none of its own \(backups cost 20% of their server's price\)/);
    assert.equal(imagePriceLine({ ...snap, type: 'system' }, pricing), undefined);
  });

  it('the project total: each kind no folder has loaded is listed once, the prices once; kept 10 minutes', async () => {
    let clock = 0;
    const listed: string[] = [];
    let pricingAsked = 0;
    const folders = new Map<CostWhat, unknown>();
    const cache = new ProjectCostCache({
      now: () => clock,
      today: async () => true,
      loaded: <W extends CostWhat>(w: W) => folders.get(w) as FolderData[W] | undefined,
      list: async (w) => {
        listed.push(w);
        return fetchFolder(client, w);
      },
      pricing: async () => {
        pricingAsked++;
        return pricing;
      },
    });
    assert.equal(cache.current(), undefined);
    assert.deepEqual(projectTotalLines(undefined, false), ['Monthly total: computed when the project is expanded']);
    folders.set('servers', servers); // the Servers folder is open: read from it
    await Promise.all([cache.ensure(), cache.ensure()]);
    assert.deepEqual(listed.sort(), ['floatingIps', 'loadBalancers', 'primaryIps', 'snapshots', 'volumes']);
    assert.equal(pricingAsked, 1);
    const first = cache.current()!;
    assert.equal(first.unpriced, 0);
    assert.equal(projectTotalText(first), formatMonthly(first.total));
    assert.match(unescape(projectTotalLines(first, false).join('\n')), /^Monthly total: €[\d.]+\/mo \(€[\d.]+\/mo net\)\nServers \(\d+\): €/);

    clock += COSTS_MAX_AGE_MS - 1;
    await cache.ensure();
    assert.equal(listed.length, 5, 'nothing within 10 minutes');
    folders.set('servers', servers.slice(1)); // the folder's newer listing counts at once, without a request
    assert.ok(cache.current()!.total!.gross < first.total!.gross);

    clock += 1;
    await cache.ensure();
    assert.equal(listed.length, 10, 'after 10 minutes, listed again');
    assert.equal(pricingAsked, 2);
    cache.forget();
    assert.ok(cache.current(), 'the last total stays shown after a Refresh');
    await cache.ensure();
    assert.equal(listed.length, 15, 'after a Refresh, listed again');

    // A command changed Primary IPs (a deleted server took its own with it): only that kind is listed
    // again, at the next ensure(); the last total stays shown meanwhile.
    cache.changed('primaryIps');
    cache.changed('backups'); // not billed: nothing
    assert.ok(cache.current());
    assert.equal(cache.fresh, false);
    await cache.ensure();
    assert.deepEqual(listed.slice(15), ['primaryIps']);
  });

  it('hands a folder opened right after the total its listing: on its way, or up to 30 s old; not older, nor a kind it read from a folder', async () => {
    let clock = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const folders = new Map<CostWhat, unknown>([['volumes', []]]);
    const cache = new ProjectCostCache({
      now: () => clock,
      today: async () => true,
      loaded: <W extends CostWhat>(w: W) => folders.get(w) as FolderData[W] | undefined,
      list: async (w) => {
        await gate;
        return fetchFolder(client, w);
      },
      pricing: async () => pricing,
    });
    assert.equal(cache.handover('servers'), undefined, 'nothing before the total');
    const total = cache.ensure();
    await new Promise((resolve) => setImmediate(resolve));
    const onItsWay = cache.handover('servers');
    assert.ok(onItsWay, 'the listing on its way');
    assert.equal(cache.handover('volumes'), undefined, 'read from its folder: nothing to hand over');
    release();
    await total;
    assert.deepEqual((await onItsWay).map((s) => s.id).sort(), servers.map((s) => s.id).sort());
    clock += HANDOVER_MAX_AGE_MS;
    assert.ok(cache.handover('floatingIps'), '30 s after the listing');
    clock += 1;
    assert.equal(cache.handover('floatingIps'), undefined, 'older: the folder lists for itself');
  });
});
