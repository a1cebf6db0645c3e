import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  parseIpv6, suggestIpv6, unsafeCharacterProblem, validateDescription, validateHostname, validateIpv6InNetwork, validateReverseDnsName, validateServerName,
} from '../../../src/commands/validate';

describe('validateHostname (RFC 1123)', () => {
  it('accepts hostnames and FQDNs, digits first included', () => {
    for (const ok of ['web-1', 'a', 'WEB1', '1web', 'db.example.com', 'db.example.com.', 'x'.repeat(63), `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`]) {
      assert.equal(validateHostname(ok), undefined, ok);
    }
  });

  it('refuses empty, bad characters, dashes at the ends, empty labels and long names', () => {
    assert.match(validateHostname('') ?? '', /Enter a hostname/);
    assert.match(validateHostname('web_1') ?? '', /"web_1" is not valid/);
    assert.match(validateHostname('-web') ?? '', /no dash at the start or end/);
    assert.match(validateHostname('web-') ?? '', /no dash/);
    assert.match(validateHostname('a..b') ?? '', /no empty parts/);
    assert.match(validateHostname('.a') ?? '', /no empty parts/);
    assert.match(validateHostname('has space') ?? '', /not valid/);
    assert.match(validateHostname('x'.repeat(64)) ?? '', /at most 63/);
    assert.match(validateHostname(`${'a.'.repeat(127)}ab`) ?? '', /at most 253/);
  });
});

describe('validateReverseDnsName (Floating IP and server PTR records)', () => {
  it('wants a fully qualified name; surrounding spaces and a final dot are fine', () => {
    assert.equal(validateReverseDnsName('www.example.com'), undefined);
    assert.equal(validateReverseDnsName(' mail-1.example.com. '), undefined);
    assert.match(validateReverseDnsName('localhost') ?? '', /fully qualified hostname, e\.g\. www\.example\.com/);
    assert.match(validateReverseDnsName('') ?? '', /Enter a hostname/);
    assert.match(validateReverseDnsName('a_b.example.com') ?? '', /"a_b" is not valid/);
    assert.match(validateReverseDnsName(`${'a'.repeat(64)}.com`) ?? '', /at most 63/);
  });
});

describe('validateServerName', () => {
  it('accepts a free hostname', () => {
    assert.equal(validateServerName('web-3', ['web-1', 'web-2']), undefined);
  });

  it('refuses a name the project already has, case-insensitively', () => {
    assert.match(validateServerName('Web-1', ['web-1']) ?? '', /already has a server named "Web-1"/);
  });

  it('refuses what is not a hostname, a trailing dot and surrounding spaces', () => {
    assert.match(validateServerName('web_1', []) ?? '', /not valid/);
    assert.match(validateServerName('web.', []) ?? '', /does not end with a dot/);
    assert.match(validateServerName(' web', []) ?? '', /no spaces/);
    assert.match(validateServerName('', []) ?? '', /Enter a hostname/);
  });
});

describe('IPv6 helpers', () => {
  it('parses full and compressed addresses', () => {
    assert.deepEqual(parseIpv6('2001:db8::1'), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(parseIpv6('::'), [0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(parseIpv6('1:2:3:4:5:6:7:8'), [1, 2, 3, 4, 5, 6, 7, 8]);
    for (const bad of ['', '1:2:3', '1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7:8:9', '1:2:3:4::5:6:7:8', '192.0.2.1']) {
      assert.equal(parseIpv6(bad), undefined, bad);
    }
  });

  it('accepts an address inside the /64 and refuses others', () => {
    assert.equal(validateIpv6InNetwork('2a01:4f8:1c1c:5e8d::1', '2a01:4f8:1c1c:5e8d::/64'), undefined);
    assert.equal(validateIpv6InNetwork(' 2a01:4f8:1c1c:5e8d:ffff:1:2:3 ', '2a01:4f8:1c1c:5e8d::/64'), undefined);
    assert.match(validateIpv6InNetwork('2a01:4f8:1c1c:5e8e::1', '2a01:4f8:1c1c:5e8d::/64') ?? '', /not inside the server's network/);
    assert.match(validateIpv6InNetwork('not-an-ip', '2a01:4f8:1c1c:5e8d::/64') ?? '', /Enter an IPv6 address, e\.g\. 2a01:4f8:1c1c:5e8d::1\./);
  });

  it("names the network's owner and suggests its first address", () => {
    const net = '2001:db8:4:9::/64';
    assert.equal(validateIpv6InNetwork('2001:0db8:0004:0009:ffff::abcd', net, "the Floating IP's network"), undefined);
    assert.equal(validateIpv6InNetwork('2001:db8:4:a::1', net, "the Floating IP's network"), "2001:db8:4:a::1 is not inside the Floating IP's network 2001:db8:4:9::/64.");
    assert.equal(suggestIpv6(net), '2001:db8:4:9::1');
    assert.equal(suggestIpv6('2001:db8:4:9:1:2:3:4/128'), '2001:db8:4:9:1:2:3:4');
  });
});

describe('unsafeCharacterProblem (the character rule of names: issue 10, finding 11)', () => {
  const UNSAFE = [
    ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), // C0, newline and tab included
    '\u007f',
    ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i)), // C1
    '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
  ];

  it('names the character and where it is', () => {
    assert.equal(unsafeCharacterProblem('prod\u202Etxt.exe', 'A project name'), 'A project name cannot contain control characters or characters that change the direction of text (U+202E at position 5).');
    assert.match(unsafeCharacterProblem('a\u001b[31m', 'A name') ?? '', /\(U\+001B at position 2\)/);
    assert.match(unsafeCharacterProblem('\u0000', 'A name') ?? '', /\(U\+0000 at position 1\)/);
  });

  it('descriptions (Floating IPs, images) follow the same rule, with their length', () => {
    assert.equal(validateDescription('Load balancer (EU) – 2', 255), undefined);
    assert.match(validateDescription('x'.repeat(256), 255) ?? '', /At most 255 characters/);
    assert.match(validateDescription('a\u202Eb', 255) ?? '', /^A description cannot contain control characters .*\(U\+202E at position 2\)/);
    assert.match(validateDescription('two\nlines', 500) ?? '', /U\+000A/);
  });

  it('accepts letters of any script, spaces, punctuation and emoji', () => {
    for (const ok of ['production', 'Prod (EU) – 2', 'שלום', 'مرحبا', 'Zoë’s key', 'ci@runner #3', 'ü\u00a0x', '🚀 launch', '']) {
      assert.equal(unsafeCharacterProblem(ok, 'A name'), undefined, JSON.stringify(ok));
    }
  });

  it('property: text with a control or bidi character anywhere is refused; text without one is accepted', () => {
    const safeChar = fc.string({ maxLength: 1, minLength: 1, unit: 'grapheme' }).filter((c) => !UNSAFE.some((u) => c.includes(u)));
    const safeText = fc.array(safeChar, { maxLength: 20 }).map((a) => a.join(''));
    fc.assert(
      fc.property(safeText, fc.constantFrom(...UNSAFE), safeText, (head, bad, tail) => {
        assert.equal(unsafeCharacterProblem(head + tail, 'A name'), undefined);
        const problem = unsafeCharacterProblem(head + bad + tail, 'A name');
        assert.ok(problem?.includes(`U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at position ${head.length + 1}`), problem);
      }),
      { numRuns: 300 },
    );
  });
});
