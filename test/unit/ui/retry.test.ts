import assert from 'node:assert/strict';
import { ClientErrorCode, HcloudError } from '../../../src/api/errors';
import { lostAnswerError } from '../../../src/api/lostAnswer';
import { canRetry } from '../../../src/ui/retry';

const err = (code: string, status: number, method: string, extra: { cause?: unknown } = {}) => new HcloudError({ code, message: code, status, method, path: '/servers/1/actions/poweron', ...extra });

describe('canRetry (the Retry button on a failure)', () => {
  it('offers Retry after a read, and after a write the API refused', () => {
    assert.equal(canRetry(err('service_error', 503, 'GET'), 'request'), true);
    assert.equal(canRetry(err(ClientErrorCode.NetworkError, 0, 'GET'), 'request'), true);
    assert.equal(canRetry(err('locked', 423, 'POST'), 'request'), true);
    assert.equal(canRetry(err('forbidden', 403, 'DELETE'), 'request'), true);
  });

  it('never after a lost answer of a write: timeout, broken connection, 502/504, a cut 2xx body, or a lookup that says so', () => {
    assert.equal(canRetry(err(ClientErrorCode.Timeout, 0, 'POST'), 'request'), false);
    assert.equal(canRetry(err(ClientErrorCode.NetworkError, 0, 'POST', { cause: { code: 'ECONNRESET' } }), 'request'), false);
    assert.equal(canRetry(err('service_error', 502, 'POST'), 'request'), false);
    assert.equal(canRetry(err('service_error', 504, 'PUT'), 'request'), false);
    assert.equal(canRetry(err(ClientErrorCode.InvalidResponse, 201, 'POST'), 'request'), false);
    const lost = err(ClientErrorCode.Timeout, 0, 'POST');
    assert.equal(canRetry(lostAnswerError(lost, { found: false, what: 'no action was found' }), 'request'), false);
    // A write whose connection never carried an answer (status 0) is not offered either: only an API answer counts.
    assert.equal(canRetry(err(ClientErrorCode.NetworkError, 0, 'POST'), 'request'), false);
  });

  it('while waiting only the action\'s own failure; never after success; never what fails the same way again', () => {
    assert.equal(canRetry(err(ClientErrorCode.ActionFailed, 0, ''), 'wait'), true);
    assert.equal(canRetry(err(ClientErrorCode.Timeout, 0, 'GET'), 'wait'), false, 'the action may still run');
    assert.equal(canRetry(err('service_error', 503, 'GET'), 'wait'), false);
    assert.equal(canRetry(err('locked', 423, 'POST'), 'done'), false);
    for (const code of ['invalid_input', 'uniqueness_error', 'unauthorized', 'not_found', ClientErrorCode.Aborted]) assert.equal(canRetry(err(code, 400, 'POST'), 'request'), false, code);
    assert.equal(canRetry(new Error('a bug'), 'request'), false);
  });
});
