import assert from 'node:assert/strict';
import { HttpTransport } from '../../../src/api/http';
import type { RequestLogEntry } from '../../../src/api/transport';
import { formatRequest } from '../../../src/projects/requestLog';
import { startSimulator } from '../../../src/sim/simulator';

describe('request log lines', () => {
  it('name method, path, status, duration and retries', () => {
    assert.equal(
      formatRequest('prod', { method: 'GET', path: '/servers?page=2&per_page=50', status: 200, durationMs: 41.6, attempt: 1 }),
      '[prod] GET /servers?page=2&per_page=50 → 200 in 42 ms',
    );
    assert.equal(
      formatRequest('prod', { method: 'GET', path: '/servers', status: 0, durationMs: 5, attempt: 3, errorCode: 'network_error' }),
      '[prod] GET /servers → network_error in 5 ms (try 3)',
    );
  });

  it('never contain the token or a password of a real exchange', async () => {
    const token = 'log-test-token-9f3e';
    const sim = await startSimulator({ token, actionMs: 10 });
    try {
      const lines: string[] = [];
      const t = new HttpTransport({ token, endpoint: sim.url, onRequest: (e: RequestLogEntry) => lines.push(formatRequest('p', e)) });
      const answer = await t.request<{ root_password: string }>('POST', '/servers/42/actions/reset_password');
      await t.request('GET', '/servers');
      assert.equal(lines.length, 2);
      assert.match(lines[0], /^\[p\] POST \/servers\/42\/actions\/reset_password → 201 in \d+ ms$/);
      assert.ok(answer.root_password, 'the API returned a password');
      for (const line of lines) {
        assert.ok(!line.includes(token));
        assert.ok(!line.includes(answer.root_password));
      }
    } finally {
      await sim.close();
    }
  });
});
