import assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { HcloudError } from '../../../src/api/errors';
import { describeError } from '../../../src/ui/describeError';
import { startSimulator } from '../../../src/sim/simulator';

describe('describeError', () => {
  it('shows the API message with field details and the code', () => {
    const e = new HcloudError({
      code: 'invalid_input',
      message: 'invalid input in field name',
      status: 400,
      details: { fields: [{ name: 'name', messages: ['is not a valid hostname'] }] },
    });
    assert.equal(
      describeError(e, { action: 'Create server "a_b"' }),
      'Create server "a_b" failed: invalid input in field name (name: is not a valid hostname) (invalid_input)',
    );
  });

  it('explains locked, protected and a rejected token', () => {
    assert.match(describeError(new HcloudError({ code: 'locked', message: 'server is locked', status: 423 })), /another action is still running/);
    assert.match(describeError(new HcloudError({ code: 'protected', message: 'server is protected', status: 403 })), /remove its protection first/);
    assert.match(describeError(new HcloudError({ code: 'unauthorized', message: 'unable to authenticate', status: 401 })), /Update Token/);
  });

  it('a 429 states one time: the one the transport computed from the project budget, not RateLimit-Reset (issue 10, finding 4)', async () => {
    const sim = await startSimulator({ port: 0, token: 'describe-token', seed: 'demo', rateLimit: 3600 });
    try {
      sim.setRateLimitRemaining(0);
      const client = new HcloudClient({ token: 'describe-token', endpoint: sim.url });
      const error = await client.servers.powerOff(1).then(
        () => assert.fail('the write should be refused'),
        (e: unknown) => e,
      );
      const text = describeError(error, { action: 'Power off "web-1"' });
      assert.match(text, /^Power off "web-1" failed: the project's API rate limit is used up: /);
      const times = text.match(/possible again in about [^(]+\(at \d\d:\d\d:\d\d\)/g) ?? [];
      assert.equal(times.length, 1, text);
      assert.match(times[0], /in about (\d+(\.\d)? s|\d+ ms) /, 'one request is possible again within seconds (the budget refills at 1 a second)');
      assert.ok(!/minutes/.test(text), text);
    } finally {
      await sim.close();
    }
  });

  it('gives a failed action its own message and code', () => {
    const e = new HcloudError({ code: 'action_failed', message: 'Power off failed: server is busy', status: 200, details: { actionErrorCode: 'action_failed' } });
    assert.equal(describeError(e), 'Power off failed: server is busy (action_failed)');
  });

  it('passes network and timeout messages through and handles plain errors', () => {
    assert.equal(describeError(new HcloudError({ code: 'network_error', message: 'Cannot connect to 127.0.0.1:9 (connection refused)' })), 'Cannot connect to 127.0.0.1:9 (connection refused)');
    assert.equal(describeError(new Error('boom'), { action: 'X' }), 'X failed: boom');
  });
});
