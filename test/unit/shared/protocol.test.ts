import assert from 'node:assert/strict';
import { asBoolean, asId, asNumber, asOneOf, asString, isRecord, messageType } from '../../../src/shared/protocol';

describe('protocol checks (untrusted input from the other side)', () => {
  it('records are plain objects, not arrays or null', () => {
    assert.equal(isRecord({}), true);
    assert.equal(isRecord([]), false);
    assert.equal(isRecord(null), false);
    assert.equal(isRecord('x'), false);
  });

  it('numbers must be finite and within bounds; ids positive safe integers', () => {
    assert.equal(asNumber(3, 0, 5), 3);
    assert.equal(asNumber(6, 0, 5), undefined);
    assert.equal(asNumber(Number.NaN), undefined);
    assert.equal(asNumber('3'), undefined);
    assert.equal(asId(42), 42);
    assert.equal(asId(0), undefined);
    assert.equal(asId(1.5), undefined);
    assert.equal(asId(2 ** 60), undefined);
  });

  it('strings are length-limited; literals must be listed; booleans are booleans', () => {
    assert.equal(asString('abc', 3), 'abc');
    assert.equal(asString('abcd', 3), undefined);
    assert.equal(asOneOf('1h', ['1h', '6h'] as const), '1h');
    assert.equal(asOneOf('toString', ['1h', '6h'] as const), undefined);
    assert.equal(asBoolean(true), true);
    assert.equal(asBoolean('true'), undefined);
  });

  it('messageType reads a string `type` only', () => {
    assert.equal(messageType({ type: 'ready' }), 'ready');
    assert.equal(messageType({ type: 1 }), undefined);
    assert.equal(messageType('ready'), undefined);
  });
});
