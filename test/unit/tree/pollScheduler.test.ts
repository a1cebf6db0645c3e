// The poll scheduler (src/tree/pollScheduler.ts): one timer for what RefreshPolicy says is due, and
// the polls and change checks it runs against the simulator. The clock and the timer are fakes the
// test moves by hand; the requests go to the simulator on loopback (its clock is the same fake).
import * as assert from 'node:assert/strict';
import type { HcloudClient } from '../../../src/api/client';
import type { Server } from '../../../src/api/types';
import type { Project } from '../../../src/projects/projectStore';
import { PollScheduler, type PollAnswer, type PollTarget, type SetTimer } from '../../../src/tree/pollScheduler';
import { RefreshPolicy } from '../../../src/tree/refreshPolicy';
import { received, useSimulator } from '../api/helpers';

const project: Project = { id: 'p', name: 'p', endpoint: 'http://127.0.0.1', source: 'stored' };

interface Timer {
  fire: () => Promise<void>;
  at: number;
  stopped: boolean;
}

/** A scheduler on a fake clock (`clock.t`, the simulator's too), whose tree records what it is told. */
class Run {
  readonly timers: Timer[] = [];
  readonly answers: PollAnswer[] = [];
  readonly listed: string[] = [];
  /** The tree still shows the project. */
  shown = true;
  readonly policy: RefreshPolicy;
  readonly scheduler: PollScheduler;

  constructor(
    private readonly clock: { t: number },
    client: HcloudClient,
  ) {
    this.policy = new RefreshPolicy(() => clock.t, { intervalSeconds: 60 });
    const setTimer: SetTimer = (fire, ms) => {
      const timer = { fire, at: clock.t + ms, stopped: false };
      this.timers.push(timer);
      return () => (timer.stopped = true);
    };
    const target: PollTarget = {
      project,
      folderKey: (what) => `project/p/${what}`,
      polled: (answer) => this.answers.push(answer),
    };
    const host = {
      projectTarget: (id: string) => (this.shown && id === 'p' ? target : undefined),
      folderTarget: (key: string) => (this.shown && key.startsWith('project/p/') ? target : undefined),
      listFolder: (key: string) => void this.listed.push(key),
    };
    this.scheduler = new PollScheduler(this.policy, { get: async () => client }, host, () => clock.t, setTimer);
  }

  /** The timers set and not stopped yet. */
  live(): Timer[] {
    return this.timers.filter((x) => !x.stopped);
  }

  /** Moves the clock to the one live timer (unless it is past it), fires it, and waits for the work then due. */
  async fire(): Promise<void> {
    const [timer, ...more] = this.live();
    assert.ok(timer, 'a timer is set');
    assert.equal(more.length, 0, 'one timer at a time');
    this.clock.t = Math.max(this.clock.t, timer.at);
    timer.stopped = true;
    await timer.fire();
  }
}

describe('tree poll scheduler', () => {
  const clock = { t: 1_000_000 };
  const env = useSimulator({ actionMs: 10_000, now: () => clock.t });
  let run: Run;
  beforeEach(() => {
    run = new Run(clock, env.client);
    env.sim.clearRequests();
  });
  afterEach(() => run.scheduler.dispose());
  const runningServer = async (): Promise<Server> => {
    const s = (await env.client.servers.listAll()).find((x) => x.status === 'running');
    assert.ok(s, 'the simulator has a running server');
    return s;
  };

  it('polls a server a command changed at once, shows each answer, and stops once it has settled', async () => {
    const s = await runningServer();
    await env.client.servers.powerOff(s.id);
    env.sim.clearRequests();
    run.scheduler.watch(project, 'server', s.id, 'now');
    assert.equal(run.live()[0].at, clock.t, 'the first poll is due at once');
    await run.fire();
    assert.deepEqual(
      run.answers.map((a) => (a.kind === 'server' ? [a.id, a.server?.status, a.origin] : [])),
      [[s.id, 'stopping', 'user']],
    );
    assert.equal(run.live()[0].at, clock.t + 1000, 'the next poll after the first gap');
    clock.t += 10_000; // the power-off has ended
    await run.fire();
    assert.deepEqual(
      run.answers.map((a) => (a.kind === 'server' ? a.server?.status : undefined)),
      ['stopping', 'off'],
    );
    assert.equal(run.policy.isWatched(`project/p/server/${s.id}`), false, 'settled: no longer polled');
    assert.deepEqual(run.live(), [], 'no timer left');
    assert.equal(received(env.sim, 'GET', `/servers/${s.id}`).length, 2, 'one GET per poll');
  });

  it('ends the polls of a project that left the tree without a request', async () => {
    const s = await runningServer();
    env.sim.clearRequests();
    run.scheduler.watch(project, 'server', s.id, 'now');
    run.shown = false;
    await run.fire();
    assert.deepEqual(run.answers, []);
    assert.equal(run.policy.isWatched(`project/p/server/${s.id}`), false);
    assert.deepEqual(env.sim.requests, [], 'no request');
  });

  it('keeps a poll a command asked for as the user\'s when a change check asks for it too, and lists a Floating IP\'s folder instead of fetching it', async () => {
    const s = await runningServer();
    run.scheduler.watch(project, 'server', s.id, 'now', 'user');
    run.scheduler.watch(project, 'server', s.id, 'now', 'check');
    run.scheduler.watch(project, 'floatingIp', 7, 'now');
    await run.fire();
    assert.deepEqual(
      run.answers.map((a) => [a.kind, a.id, a.kind === 'server' ? a.origin : '']).sort(),
      [
        ['floatingIp', 7, ''],
        ['server', s.id, 'user'],
      ],
    );
    assert.equal(received(env.sim, 'GET', /^\/floating_ips/).length, 0, 'the Floating IP is not fetched alone');
  });

  it('keeps one timer, at the earliest due time, and has the tree list a folder when its period is over', async () => {
    run.policy.setVisible(true);
    run.policy.folderLoaded('project/p/servers', 'fast', 1);
    run.policy.folderLoaded('project/p/sshKeys', 'slow', 1);
    run.scheduler.schedule();
    run.scheduler.schedule();
    assert.deepEqual(
      run.live().map((x) => x.at - clock.t),
      [60_000],
      'one timer, an interval from now',
    );
    await run.fire();
    assert.deepEqual(run.listed, ['project/p/servers']);
    assert.deepEqual(env.sim.requests, [], 'the tree lists it, not the scheduler');
  });

  it('runs the change check of a large folder and polls, in the background, the servers whose actions run', async () => {
    const s = await runningServer();
    await env.client.servers.powerOff(s.id);
    env.sim.clearRequests();
    run.policy.setVisible(true);
    run.policy.folderLoaded('project/p/servers', 'fast', 2);
    run.scheduler.schedule();
    await run.fire();
    assert.equal(received(env.sim, 'GET', /^\/(servers\/)?actions$/).length, 1, 'one request for the newest actions');
    await run.fire();
    assert.deepEqual(
      run.answers.map((a) => (a.kind === 'server' ? [a.id, a.server?.status, a.origin] : [])),
      [[s.id, 'stopping', 'check']],
    );
  });

  it('sets no timer once disposed', () => {
    run.scheduler.dispose();
    run.scheduler.watch(project, 'server', 1, 'now');
    assert.deepEqual(run.live(), []);
  });
});
