import assert from 'node:assert/strict';
import { HcloudError } from '../../../src/api/errors';
import { describeError } from '../../../src/commands/describeError';

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

  it('says when requests will be possible again after a 429', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    const reset = new Date('2026-11-26T10:04:30Z');
    const text = describeError(new HcloudError({ code: 'rate_limit_exceeded', message: 'limit reached', status: 429 }), { rateLimitReset: reset, now });
    assert.match(text, /in about 5 minutes \(at 10:04:30 UTC\)/);
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
