import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePublicKey, validatePublicKey, validateSshKeyName } from '../../../src/commands/sshKeyParse';

// Made with ssh-keygen; fingerprints from `ssh-keygen -l -E md5 -f <file>`.
const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0XRi9pZLviHger36TzX6Prv7h+88ZIrvha7OzaNfy2 carol@desk';
const ECDSA =
  'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBMAZf0dlcRNX/MkgHfHKYxL8ln67qRvwAzyEnZ7kxCb9NhlkBNniVrSCb6N9AKDuHjk1wVMSwaZkTnmZODUhIp4=';

const RSA =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDKkIi/prc1iwZXbQHz4JA7xkvMhJ50pn41GXYtn5OY5Vf/A3GjtRg/jPsUR+3qyiQq4EOZapw16XyAKuEStQq/eUBiVnVedGOMYhaGbrDT9pa7bSk7QmshYlwXPluIEav/FMwWIsJXtynyfxcBy3w6dMXQgcdpbuchDoexba+DSQ== dave@old box';

describe('parsePublicKey', () => {
  it('reads an RSA key with a comment that has a space', () => {
    const { key } = parsePublicKey(RSA);
    assert.equal(key?.type, 'ssh-rsa');
    assert.equal(key?.comment, 'dave@old box');
    assert.equal(key?.fingerprint, 'a7:02:fc:97:e2:f6:45:aa:b3:4b:5e:e5:2f:3e:32:f9');
  });

  it('refuses a key whose data was cut off or has bytes too many', () => {
    const data = ED25519.split(' ')[1];
    assert.match(validatePublicKey(`ssh-ed25519 ${data.slice(0, 32)}`) ?? '', /damaged or cut off/);
    const longer = Buffer.concat([Buffer.from(data, 'base64'), Buffer.from([0, 0, 0, 1, 7])]).toString('base64');
    assert.match(validatePublicKey(`ssh-ed25519 ${longer}`) ?? '', /damaged or cut off/);
    assert.match(validatePublicKey(ECDSA.replace('ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384')) ?? '', /does not belong/);
  });

  it('reads type, blob, comment and the MD5 fingerprint ssh-keygen shows', () => {
    const { key } = parsePublicKey(`${ED25519}\n`);
    assert.ok(key);
    assert.equal(key.type, 'ssh-ed25519');
    assert.equal(key.comment, 'carol@desk');
    assert.equal(key.fingerprint, 'e7:01:1d:f3:d5:a6:14:28:c9:24:4b:06:db:33:58:d3');
    assert.equal(key.line, ED25519);
  });

  it('takes a key without comment, and a comment with spaces', () => {
    const plain = parsePublicKey(`  ${ECDSA}  `).key;
    assert.ok(plain);
    assert.equal(plain.comment, undefined);
    assert.equal(plain.fingerprint, 'ba:d8:cf:f2:c8:96:ac:2a:2b:d9:d9:a7:8a:68:8e:47');
    assert.equal(plain.line, ECDSA);
    const spaced = parsePublicKey(ED25519.replace('carol@desk', 'Carol   work laptop')).key;
    assert.equal(spaced?.comment, 'Carol work laptop');
  });

  it('says what is wrong with what is not a public key', () => {
    assert.match(validatePublicKey('') ?? '', /Paste a public key/);
    assert.match(validatePublicKey('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----') ?? '', /private key/);
    assert.match(validatePublicKey('ssh-foo AAAA x') ?? '', /not an SSH key type/);
    assert.match(validatePublicKey('ssh-ed25519') ?? '', /no base64 data/);
    assert.match(validatePublicKey('ssh-ed25519 AAAA*C3Nz x') ?? '', /not valid base64/);
    assert.match(validatePublicKey(ED25519.replace('ssh-ed25519', 'ssh-rsa')) ?? '', /does not belong to a "ssh-rsa" key/);
    assert.match(validatePublicKey(`${ED25519}\n${ECDSA}`) ?? '', /one key/);
    assert.equal(validatePublicKey(ED25519), undefined);
  });
});

describe('validateSshKeyName', () => {
  it('wants a name that the project does not have yet', () => {
    assert.match(validateSshKeyName('  ', []) ?? '', /name/);
    assert.match(validateSshKeyName('alice@laptop', ['alice@laptop']) ?? '', /already has an SSH key named "alice@laptop"/);
    assert.match(validateSshKeyName('x'.repeat(129), []) ?? '', /128/);
    assert.equal(validateSshKeyName(' carol@desk ', ['alice@laptop']), undefined);
  });
});

describe('hostile key text and names (issue 10, finding 11)', () => {
  const DATA = ED25519.split(' ').slice(0, 2).join(' ');

  it('refuses a key text over 16 KiB, such as a 100,000-character comment, before parsing it', () => {
    assert.match(validatePublicKey(`${DATA} ${'x'.repeat(100_000)}`) ?? '', /^A public key is at most 16384 characters \(this text has 100\d{3}\)\.$/);
    const fits = `${DATA} ${'x'.repeat(16 * 1024 - DATA.length - 1)}`;
    assert.equal(fits.length, 16 * 1024);
    assert.equal(validatePublicKey(fits), undefined, 'exactly 16 KiB is taken');
    assert.match(validatePublicKey(`${fits}x`) ?? '', /at most 16384/);
  });

  it('refuses a comment with a control or bidi character; whitespace between fields stays fine', () => {
    assert.match(validatePublicKey(`${DATA} carol\u001b[31m@desk`) ?? '', /^The key's comment cannot contain control characters .*\(U\+001B at position 6\)/);
    assert.match(validatePublicKey(`${DATA} evil\u202Egnp.exe`) ?? '', /U\+202E/);
    assert.match(validatePublicKey(`${DATA} a\u0000b`) ?? '', /U\+0000/);
    assert.equal(parsePublicKey(`${DATA}\tcarol  desk\r\n`).key?.comment, 'carol desk');
  });

  it('refuses names with control or bidi characters, and over 128 characters', () => {
    for (const bad of ['a\nb', 'nul\u0000', 'esc\u001b[0m', 'del\u007f', 'c1\u0085', 'rtl\u202Eyek', 'iso\u2066x', 'lrm\u200E']) {
      assert.match(validateSshKeyName(bad, []) ?? '', /^An SSH key name cannot contain control characters/, JSON.stringify(bad));
    }
    assert.match(validateSshKeyName('x'.repeat(129), []) ?? '', /At most 128/);
    assert.equal(validateSshKeyName('x'.repeat(128), []), undefined);
  });

  it('property: a key line with any comment is either refused with a message or gives back a comment without control or bidi characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'binary' }), (comment) => {
        const r = parsePublicKey(`${DATA} ${comment}`);
        if (r.error !== undefined) return assert.ok(r.error.length > 0);
        // eslint-disable-next-line no-control-regex
        assert.doesNotMatch(r.key.comment ?? '', /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 300 },
    );
  });
});
