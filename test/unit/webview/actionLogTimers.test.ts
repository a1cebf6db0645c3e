// The action log's two timers alone: when the poll of running actions and the refresh of the list
// fire, how the poll backs off, and that stop() leaves nothing armed. Node's mock timers: no real waits.
import * as assert from 'node:assert/strict';
import { mock } from 'node:test';
import { ActionLogTimers } from '../../../src/webview/actionLog/timers';

describe('ActionLogTimers', () => {
  let fired: Array<{ task: string; at: number }>;
  let refreshSeconds: number;
  let timers: ActionLogTimers;

  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
    fired = [];
    refreshSeconds = 0;
    timers = new ActionLogTimers({ min: 2000, max: 10_000 }, () => refreshSeconds, {
      poll: () => fired.push({ task: 'poll', at: Date.now() }),
      refresh: () => fired.push({ task: 'refresh', at: Date.now() }),
    });
  });

  afterEach(() => {
    timers.dispose();
    mock.timers.reset();
  });

  /** Moves the clock a millisecond at a time (one tick() of all of it would fire every timer at its end time). */
  function tick(ms: number): void {
    for (let t = 0; t < ms; t++) mock.timers.tick(1);
  }

  /** Schedules with these running ids, runs the clock far ahead, and returns after how long each task fired. */
  function run(ids: number[], lastLoad = Date.now()): string[] {
    const from = Date.now();
    fired = [];
    timers.schedule(ids, lastLoad);
    tick(60_000);
    return fired.map((f) => `${f.task} after ${f.at - from}`);
  }

  it('polls running actions after the first delay, backing off by half up to the longest', () => {
    const delays: string[][] = [];
    for (let i = 0; i < 6; i++) {
      delays.push(run([7]));
      timers.backOff();
    }
    assert.deepEqual(delays, [['poll after 2000'], ['poll after 3000'], ['poll after 4500'], ['poll after 6750'], ['poll after 10000'], ['poll after 10000']]);
  });

  it('polls at the first delay again when the running actions change or the back-off is reset', () => {
    run([7]);
    timers.backOff();
    timers.backOff();
    assert.deepEqual(run([7, 8]), ['poll after 2000']);
    timers.backOff();
    timers.resetBackOff();
    assert.deepEqual(run([7, 8]), ['poll after 2000']);
  });

  it('does not poll without running actions; refreshes one interval after the last load (at once when that is past)', () => {
    assert.deepEqual(run([]), []);
    refreshSeconds = 30;
    assert.deepEqual(run([], Date.now() - 10_000), ['refresh after 20000']);
    assert.deepEqual(run([], Date.now() - 45_000), ['refresh after 1']); // setTimeout's least delay
  });

  it('stop() and a new schedule leave only one timer of each kind armed', () => {
    refreshSeconds = 30;
    timers.schedule([7], Date.now());
    timers.schedule([7], Date.now());
    tick(60_000);
    assert.deepEqual(fired.map((f) => f.task).sort(), ['poll', 'refresh']);
    fired = [];
    timers.schedule([7], Date.now());
    timers.stop();
    tick(60_000);
    assert.deepEqual(fired, []);
  });
});
