// The one duration format: what the action log shows (how long an action ran) and what the
// client's messages say (a rate-limit wait, a timeout, with milliseconds below a second).
import * as assert from 'node:assert/strict';
import { formatDuration } from '../../../src/shared/duration';

describe('formatDuration', () => {
  it('how long an action ran, as the action log shows it', () => {
    assert.equal(formatDuration(400), 'less than a second');
    assert.equal(formatDuration(9_000), '9 s');
    assert.equal(formatDuration(75_000), '1 min 15 s');
    assert.equal(formatDuration(120_000), '2 min');
    assert.equal(formatDuration(3 * 3600_000 + 2 * 60_000), '3 h 2 min');
    assert.equal(formatDuration(52 * 3600_000), '2 d 4 h');
    assert.equal(formatDuration(-5), '—');
  });

  it('formats durations for people, with milliseconds in the client messages', () => {
    assert.deepEqual(
      [250, 1000, 1500, 59_000, 100_000, 360_000, 900_000, 3_600_000, 3_900_000].map((ms) => formatDuration(ms, { milliseconds: true })),
      ['250 ms', '1 s', '1.5 s', '59 s', '1 min 40 s', '6 min', '15 min', '1 h', '1 h 5 min'],
    );
  });
});
