// The words of a bulk action (src/commands/bulk/words.ts): the servers named in a confirmation
// (ten at most, by project when there are several), what is skipped, and the summary's result per server.
import assert from 'node:assert/strict';
import { nameList, skippedText, summary, type Named } from '../../../src/commands/bulk/words';

const named = (n: number, project = 'prod'): Named[] => Array.from({ length: n }, (_, i) => ({ name: `web-${i + 1}`, project }));

describe('bulk action words', () => {
  it('names up to ten servers, then counts the rest; by project when they come from several', () => {
    assert.equal(nameList(named(1)), 'web-1');
    assert.equal(nameList(named(3)), 'web-1, web-2 and web-3');
    assert.equal(nameList(named(10)), 'web-1, web-2, web-3, web-4, web-5, web-6, web-7, web-8, web-9 and web-10');
    assert.equal(nameList(named(13)), 'web-1, web-2, web-3, web-4, web-5, web-6, web-7, web-8, web-9, web-10 and 3 more');
    assert.equal(nameList([...named(2), { name: 'db-1', project: 'test' }]), 'web-1 and web-2 in "prod"; db-1 in "test"');
    assert.equal(nameList([...named(2), { name: 'db-1', project: 'test' }], 2), 'web-1 and web-2 in "prod" and 1 more');
  });

  it('says what is skipped and why, and counts selected rows that are not servers', () => {
    assert.equal(skippedText([], 0), '');
    assert.equal(skippedText([{ name: 'web-4', project: 'p', reason: 'delete protection' }], 0), 'Skipped: web-4 (delete protection).');
    assert.equal(skippedText([], 1), '1 selected row that is not a server is skipped.');
    assert.equal(skippedText([{ name: 'a', project: 'p', reason: 'it is off' }], 2), 'Skipped: a (it is off); 2 selected rows that are not servers are skipped.');
  });

  it('sums up with a result per server: the failures in the API\'s words, the ones Cancel left, the skipped ones', () => {
    assert.equal(summary('powered off', [{ name: 'a', state: 'done' }, { name: 'b', state: 'done' }]), '2 of 2 servers powered off.');
    assert.equal(
      summary('powered off', [{ name: 'web-1', state: 'done' }, { name: 'web-2', state: 'done' }, { name: 'web-3', state: 'failed', text: 'server is locked (locked)' }]),
      '2 of 3 servers powered off; web-3: server is locked (locked).',
    );
    assert.equal(
      summary('deleted', [{ name: 'a', state: 'waiting' }, { name: 'b', state: 'notSent' }, { name: 'c', state: 'done' }], [{ name: 'd', project: 'p', reason: 'delete protection' }]),
      '1 of 3 servers deleted; no longer waiting for a (its action goes on); not sent (cancelled): b; skipped: d (delete protection).',
    );
  });
});
