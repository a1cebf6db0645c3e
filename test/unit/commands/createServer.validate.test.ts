import assert from 'node:assert/strict';
import { validateHostname, validateServerName } from '../../../src/commands/validate';

describe('server name validation (src/commands/validate.ts)', () => {
  it('accepts RFC 1123 hostnames', () => {
    for (const ok of ['web-1', 'a', 'WEB1', 'db.example.com', '1abc', 'a'.repeat(63), `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`]) {
      assert.equal(validateHostname(ok), undefined, ok);
    }
  });

  it('refuses empty, bad characters, empty labels, leading/trailing dashes, long labels and long names', () => {
    assert.match(validateHostname('') ?? '', /Enter a hostname/);
    assert.match(validateHostname('bad_name') ?? '', /Only letters, digits, dashes/);
    assert.match(validateHostname('has space') ?? '', /Only letters/);
    assert.match(validateHostname('a..b') ?? '', /No empty parts/);
    assert.match(validateHostname('.a') ?? '', /No empty parts/);
    assert.match(validateHostname('a.') ?? '', /No empty parts/);
    assert.match(validateHostname('-a') ?? '', /start or end with a dash/);
    assert.match(validateHostname('a.b-') ?? '', /start or end with a dash \("b-"\)/);
    assert.match(validateHostname('a'.repeat(64)) ?? '', /at most 63 characters/);
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(62)}`;
    assert.equal(long.length, 254);
    assert.match(validateHostname(long) ?? '', /At most 253 characters \(this is 254\)/);
  });

  it('refuses a name another server of the project has, ignoring case', () => {
    assert.equal(validateServerName('web-3', ['web-1', 'web-2']), undefined);
    assert.match(validateServerName('web-1', ['web-1', 'web-2']) ?? '', /A server named "web-1" already exists/);
    assert.match(validateServerName('WEB-2', ['web-1', 'web-2']) ?? '', /already exists/);
    assert.match(validateServerName('bad_name', []) ?? '', /Only letters/);
  });
});
