// Benchmark (not a test): duplicated writes under faults. Several workers run writes through the
// real client (HcloudClient over HttpTransport) at once: creates of servers, SSH keys and Floating
// IPs (by name, by description, assigned to a server) and server actions (power off/on, reboot,
// reset, shutdown), while 30 % of all requests (GETs too) get a mixed fault: 500, 502, 503, a
// dropped connection or a truncated answer. A dropped or truncated write is carried out by the
// simulator and its answer lost; a 5xx status is answered before the write is carried out.
// Prints:
// - how many logical writes were sent more than once (the simulator's request log; target 0);
// - how many answers were lost (the write was carried out, its answer did not come whole) and how
//   many of those the client found out (src/api/lostAnswer.ts: the result marked `answerLost`);
// - writes the client reported wrongly: done but said not done, or not done but said done (target 0).
// Whether a write was carried out is read from the simulator's state, not from the client.
// The simulator runs in this process; after each answer it draws the fault of the next requests from
// a seeded PRNG (--seed), so a run repeats up to the interleaving of the workers.
//
//   node out/test/bench/duplicatePosts.bench.js [--writes N] [--workers N] [--rate 0.3] [--seed N]
import { HcloudClient } from '../../src/api/client';
import { isHcloudError } from '../../src/api/errors';
import type { FloatingIpCreateParams, Image, Location, ServerType } from '../../src/api/types';
import { mulberry32 } from '../../src/sim/random';
import { startSimulator } from '../../src/sim/simulator';
import type { FaultConfig, RecordedRequest, Simulator } from '../../src/sim/types';

const TOKEN = 'bench-token';
const ACTION_MS = 20;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** What the client said about one logical write. */
type Said =
  | 'answered' // resolved from the answer
  | 'found' // resolved after a lost answer, marked answerLost
  | 'notDone' // rejected: the answer was lost and the write was found not to have run
  | 'unchecked' // rejected: the answer was lost and whether it ran could not be checked
  | 'refused'; // rejected with the API's (or the network's) refusal

interface Write {
  kind: string;
  /** The write request(s) it may send: method and path, and for creates a unique body field. */
  method: string;
  path: string;
  bodyMark?: { field: string; value: string };
  run: (client: HcloudClient) => Promise<object>;
  /** Read from the simulator's state after the write: was it carried out? */
  done: () => boolean;
}

interface Result {
  write: Write;
  said: Said;
  done: boolean;
  /** Write requests the simulator received for it. */
  sent: number;
}

/** A syntactically valid ed25519 public key line, unique per n (the simulator checks the shape, not the curve). */
function publicKey(n: number): string {
  const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  const raw = Buffer.alloc(32);
  raw.writeUInt32BE(n, 0);
  raw.writeUInt32BE(0x5eed, 28);
  return `ssh-ed25519 ${Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]).toString('base64')} bench-${n}`;
}

function said(e: unknown): Said {
  if (!isHcloudError(e)) throw e;
  const details = e.details as { answerLost?: boolean; found?: boolean | null } | undefined;
  if (details?.answerLost) return details.found === false ? 'notDone' : 'unchecked';
  return 'refused';
}

/**
 * The writes of one worker, which owns one server for its actions, in turn. Each is made just before
 * it runs (an action's "done" compares with the action count read then).
 */
function writesOf(sim: Simulator, worker: number, count: number, serverId: number, spec: { type: ServerType; location: Location; image: Image }): Array<() => Write> {
  const state = sim.state;
  const actionCount = (command: string) => [...state.actions.values()].filter((a) => a.action.command === command && a.action.resources.some((r) => r.type === 'server' && r.id === serverId)).length;
  const serverAction = (name: string, command: string, call: (c: HcloudClient) => Promise<object>) => (): Write => {
    const before = actionCount(command);
    return { kind: `server ${name}`, method: 'POST', path: `/servers/${serverId}/actions/${name}`, run: call, done: () => actionCount(command) > before };
  };
  const floatingIp = (kind: string, mark: { field: 'name' | 'description'; value: string }, params: FloatingIpCreateParams): Write => ({
    kind: `create Floating IP (${kind})`,
    method: 'POST',
    path: '/floating_ips',
    bodyMark: mark,
    run: (c) => c.floatingIps.create(params),
    done: () => [...state.floatingIps.values()].some((f) => f[mark.field] === mark.value),
  });
  const home = spec.location.name;
  const makers: Array<(n: number) => Write> = [
    (n) => {
      const name = `bench-${worker}-${n}`;
      const params = { name, serverType: spec.type.name, image: spec.image.id, location: home, sshKeys: [] };
      const done = () => [...state.servers.values()].some((s) => s.name === name);
      return { kind: 'create server', method: 'POST', path: '/servers', bodyMark: { field: 'name', value: name }, run: (c) => c.servers.create(params), done };
    },
    (n) => {
      const name = `key-${worker}-${n}`;
      const done = () => [...state.sshKeys.values()].some((k) => k.name === name);
      const key = publicKey(worker * 100_000 + n);
      return { kind: 'create SSH key', method: 'POST', path: '/ssh_keys', bodyMark: { field: 'name', value: name }, run: (c) => c.sshKeys.create({ name, publicKey: key }), done };
    },
    serverAction('poweroff', 'stop_server', (c) => c.servers.powerOff(serverId)),
    (n) => floatingIp('named', { field: 'name', value: `fip-${worker}-${n}` }, { type: 'ipv4', homeLocation: home, name: `fip-${worker}-${n}` }),
    serverAction('poweron', 'start_server', (c) => c.servers.powerOn(serverId)),
    (n) => floatingIp('unnamed', { field: 'description', value: `unnamed ${worker}-${n}` }, { type: 'ipv6', homeLocation: home, description: `unnamed ${worker}-${n}` }),
    serverAction('reboot', 'reboot_server', (c) => c.servers.reboot(serverId)),
    (n) => floatingIp('assigned', { field: 'name', value: `fip-on-${worker}-${n}` }, { type: 'ipv4', server: serverId, name: `fip-on-${worker}-${n}` }),
    serverAction('reset', 'reset_server', (c) => c.servers.reset(serverId)),
    serverAction('shutdown', 'shutdown_server', (c) => c.servers.shutdown(serverId)),
  ];
  return Array.from({ length: count }, (_, n) => () => makers[n % makers.length](n));
}

function matches(r: RecordedRequest, w: Write): boolean {
  if (r.method !== w.method || r.path !== w.path) return false;
  if (!w.bodyMark) return true;
  const body = r.body as Record<string, unknown> | undefined;
  return body?.[w.bodyMark.field] === w.bodyMark.value;
}

async function main(): Promise<void> {
  const writes = arg('writes', 400);
  const workers = arg('workers', 4);
  const rate = arg('rate', 0.3);
  const draw = mulberry32(arg('seed', 2026));
  const log: RecordedRequest[] = [];
  let armed = false;
  let sim: Simulator | undefined = undefined;
  const KINDS: FaultConfig[] = [
    { kind: 'status', statuses: [500] },
    { kind: 'status', statuses: [502] },
    { kind: 'status', statuses: [503] },
    { kind: 'drop' },
    { kind: 'truncated' },
  ];
  // After each answer: the fault the next requests get, with a chance of `rate` each (a fresh seed per draw).
  const next = (): FaultConfig => (armed ? { ...KINDS[Math.floor(draw() * KINDS.length)], rate, seed: Math.floor(draw() * 2 ** 31) } : {});
  sim = await startSimulator({
    token: TOKEN,
    seed: 'empty',
    extraServers: workers,
    actionMs: ACTION_MS,
    rateLimit: 100_000_000,
    onRequest: (r) => {
      log.push(r);
      sim?.setFaults(next());
    },
  });
  const client = new HcloudClient({ token: TOKEN, endpoint: sim.url });
  try {
    const [types, locations, images, servers] = await Promise.all([
      client.serverTypes.listAll(),
      client.locations.listAll(),
      client.images.listAll({ type: 'system' }),
      client.servers.listAll(),
    ]);
    const type = types.find((t) => !t.deprecation && t.architecture !== 'arm') ?? types[0];
    const location = locations.find((l) => type.locations?.some((tl) => tl.name === l.name && tl.available) ?? true) ?? locations[0];
    const image = images.find((i) => i.architecture === type.architecture) ?? images[0];
    const perWorker = Math.ceil(writes / workers);
    const results: Result[] = [];
    const t0 = performance.now();
    armed = true;
    sim.setFaults(next());
    await Promise.all(
      servers.slice(0, workers).map(async (server, worker) => {
        for (const make of writesOf(sim!, worker, perWorker, server.id, { type, location, image })) {
          const write = make();
          const from = log.length;
          let outcome: Said;
          try {
            const r = (await write.run(client)) as { answerLost?: unknown };
            outcome = r.answerLost ? 'found' : 'answered';
          } catch (e) {
            outcome = said(e);
          }
          // Settles the action (if any) so the next one does not meet a locked server.
          await new Promise((resolve) => setTimeout(resolve, ACTION_MS + 10));
          const sent = log.slice(from).filter((r) => matches(r, write)).length;
          results.push({ write, said: outcome, done: write.done(), sent });
        }
      }),
    );
    armed = false;
    sim.setFaults({});
    const ms = performance.now() - t0;

    const writeRequests = log.filter((r) => r.method !== 'GET');
    const attributed = results.reduce((n, r) => n + r.sent, 0);
    const count = (f: (r: Result) => boolean) => results.filter(f).length;
    const lost = results.filter((r) => r.done && r.said !== 'answered');
    const answered5xx = writeRequests.filter((r) => r.status >= 500).length;
    const dropped = writeRequests.filter((r) => r.status === 0).length;
    console.log(
      `bench: ${results.length} writes by ${workers} workers at once, ${Math.round(rate * 100)} % mixed faults on every request ` +
        `(500/502/503/dropped/truncated), ${(ms / 1000).toFixed(1)} s, ${log.length} requests`,
    );
    const kinds = [...new Set(results.map((r) => r.write.kind))];
    for (const kind of kinds) {
      const of = results.filter((r) => r.write.kind === kind);
      const tally = (['answered', 'found', 'notDone', 'unchecked', 'refused'] as Said[]).map((s) => `${of.filter((r) => r.said === s).length} ${s}`).join(', ');
      console.log(`  ${kind.padEnd(30)} ${String(of.length).padStart(4)} writes, ${String(of.filter((r) => r.done).length).padStart(4)} done; the client said: ${tally}`);
    }
    console.log(`  write requests received: ${writeRequests.length}, ${attributed} of them for these writes (${answered5xx} answered 5xx, ${dropped} dropped)`);
    console.log(`  logical writes sent more than once: ${count((r) => r.sent > 1)} (target 0); sent never: ${count((r) => r.sent === 0)}`);
    console.log(`  answers lost (the write was carried out, its answer did not come whole): ${lost.length}; found out by the client: ${lost.filter((r) => r.said === 'found').length}`);
    console.log(
      `  reported wrongly: done but said not done ${count((r) => r.done && r.said === 'notDone')}, done but said refused ${count((r) => r.done && r.said === 'refused')}, ` +
        `not done but said done ${count((r) => !r.done && (r.said === 'answered' || r.said === 'found'))} (target 0 each); ` +
        `could not be checked ${count((r) => r.said === 'unchecked')}`,
    );
  } finally {
    client.dispose();
    await sim.close();
  }
}

main().catch((e: unknown) => {
  console.error('bench failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
