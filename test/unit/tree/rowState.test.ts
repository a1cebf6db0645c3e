import * as assert from 'node:assert/strict';
import { rowAccessibilityLabel, serverStateText } from '../../../src/tree/rowState';

describe('row state in words', () => {
  it('a server says running or off; a passing status ends with an ellipsis as its icon spins', () => {
    const statuses = ['running', 'off', 'starting', 'rebuilding'] as const;
    assert.deepEqual(statuses.map(serverStateText), ['running', 'off', 'starting…', 'rebuilding…']);
  });

  it('the accessibility label: name, kind, state once, then the description with commas', () => {
    assert.equal(rowAccessibilityLabel('web-1', 'server', undefined, 'running · 203.0.113.10 · cx22 · fsn1'), 'web-1, server, running, 203.0.113.10, cx22, fsn1');
    assert.equal(rowAccessibilityLabel('data', 'volume', 'available, detached', '10 GB · fsn1 · not attached'), 'data, volume, available, detached, 10 GB, fsn1, not attached');
    assert.equal(rowAccessibilityLabel('203.0.113.5', 'floatingIp', 'unassigned', 'unassigned · nbg1'), '203.0.113.5, Floating IP, unassigned, nbg1');
  });
});
