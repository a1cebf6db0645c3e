// Benchmark (not a test): what the action log of a project costs in API requests, against the
// simulator's demo project, in both API modes:
// - the 2018 API: the unfiltered GET /actions (one list);
// - today's API (2026): the per-kind lists GET /servers/actions, /floating_ips/actions,
//   /images/actions (three lists, merged), with the era known (the usual case: the tree's servers
//   list told the client) and unknown (one refused GET /actions first);
// - for comparison, the REMOVED resource-by-resource gathering (3 lists of resources + 1 action list
//   per server, Floating IP and own image), measured with a small local function below.
// First load, "Load older", refresh, and the idle rate of a visible log with the default setting
// (hcloud.autoRefreshSeconds = 60: one refresh a minute). A hidden log makes no request; running
// actions cost one request per poll (2 s, backing off to 10 s) only when the extension does not
// already follow them.
//
//   node scripts/build.mjs --tests --quiet && node out/test/bench/actionLogRequests.bench.js
import { HcloudClient } from '../../src/api/client';
import type { Action, ActionListParams } from '../../src/api/types';
import { startSimulator } from '../../src/sim/simulator';
import type { Simulator } from '../../src/sim/types';
import { ActionSource } from '../../src/webview/actionLog/source';

const TOKEN = 'bench-token';
const INTERVAL_SECONDS = 60;
const PER_HOUR = 3600 / INTERVAL_SECONDS;

type Mode = '2018' | '2026';

async function withSimulator(api: Mode, run: (sim: Simulator, client: HcloudClient) => Promise<void>): Promise<void> {
  const sim: Simulator = await startSimulator({ token: TOKEN, seed: 'demo', api });
  const client = new HcloudClient({ token: TOKEN, endpoint: sim.url });
  try {
    await run(sim, client);
  } finally {
    client.dispose();
    await sim.close();
  }
}

async function count(sim: Simulator, what: () => Promise<unknown>): Promise<number> {
  sim.clearRequests();
  await what();
  return sim.requests.length;
}

async function measure(api: Mode, eraKnown: boolean): Promise<void> {
  await withSimulator(api, async (sim, client) => {
    if (eraKnown) await client.servers.list({ perPage: 1 }); // what the tree's servers folder does anyway
    const source = new ActionSource(client, { filter: 'all' });
    let shown: Action[] = [];
    const first = await count(sim, async () => (shown = (await source.load()).actions));
    const names = await count(sim, () => source.resolveNames(shown));
    const older = await count(sim, () => source.loadOlder());
    const refresh = await count(sim, () => source.refresh());
    const what = source.lists === 'perKind' ? 'per-kind lists (GET /servers|floating_ips|images/actions)' : 'unfiltered list (GET /actions)';
    const era = api === '2018' ? '' : eraKnown ? ', era known' : ', era unknown';
    console.log(
      `action log, ${api} API${era}, ${what}: first load ${first} requests (+ ${names} once for resource names the tree does not have), ` +
        `Load older ${older}, refresh ${refresh}; idle while visible: ${refresh * PER_HOUR} requests/hour`,
    );
  });
}

/**
 * The REMOVED approach, for comparison only: the servers, Floating IPs and own images listed, then the
 * first page of each one's actions (what the action log did when GET /actions was refused).
 */
async function resourceByResource(client: HcloudClient): Promise<number> {
  const [servers, floatingIps, images] = await Promise.all([
    client.servers.listAll(),
    client.floatingIps.listAll(),
    client.images.listAll({ type: ['snapshot', 'backup'] }),
  ]);
  const params: ActionListParams = { page: 1, perPage: 25, sort: ['started:desc', 'id:desc'] };
  await Promise.all([
    ...servers.map((s) => client.servers.listActions(s.id, params)),
    ...floatingIps.map((f) => client.floatingIps.listActions(f.id, params)),
    ...images.map((i) => client.images.listActions(i.id, params)),
  ]);
  return servers.length + floatingIps.length + images.length;
}

async function measureRemoved(): Promise<void> {
  await withSimulator('2026', async (sim, client) => {
    let resources = 0;
    const refresh = await count(sim, async () => (resources = await resourceByResource(client)));
    console.log(
      `action log, REMOVED resource-by-resource gathering (today's API, demo project: ${resources} servers, Floating IPs and own images): ` +
        `first load ${refresh + 1} requests (1 refused GET /actions + 3 lists + ${resources}), refresh ${refresh}; ` +
        `idle while visible: ${refresh * PER_HOUR} requests/hour at one refresh a minute ` +
        `(it spaced its refreshes ${refresh} times wider to stay at ${PER_HOUR}/hour, so new actions showed ${refresh} minutes late)`,
    );
  });
}

async function main(): Promise<void> {
  await measure('2018', true);
  await measure('2026', true);
  await measure('2026', false);
  await measureRemoved();
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
