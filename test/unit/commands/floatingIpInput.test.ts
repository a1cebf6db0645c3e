import assert from 'node:assert/strict';
import { parseIpv6, suggestIpv6, validateHostname, validateIpv6InNetwork } from '../../../src/commands/floatingIpInput';

describe('Floating IP inputs', () => {
  it('accepts fully qualified hostnames and explains the rest', () => {
    assert.equal(validateHostname('www.example.com'), undefined);
    assert.equal(validateHostname('mail-1.example.com.'), undefined);
    assert.match(validateHostname('') ?? '', /Enter a hostname/);
    assert.match(validateHostname('localhost') ?? '', /fully qualified/);
    assert.match(validateHostname('a..b') ?? '', /empty parts/);
    assert.match(validateHostname('-a.example.com') ?? '', /hyphen/);
    assert.match(validateHostname('a_b.example.com') ?? '', /letters, digits and hyphens/);
    assert.match(validateHostname(`${'a'.repeat(64)}.com`) ?? '', /63/);
    assert.match(validateHostname(`${'a.'.repeat(127)}com`) ?? '', /253/);
  });

  it('parses IPv6 addresses with and without ::', () => {
    assert.deepEqual(parseIpv6('2001:db8::1'), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(parseIpv6('::'), [0, 0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(parseIpv6('1:2:3:4:5:6:7:8'), [1, 2, 3, 4, 5, 6, 7, 8]);
    for (const bad of ['1:2:3', '1::2::3', '12345::', 'g::1', '1:2:3:4:5:6:7:8::', '203.0.113.1']) assert.equal(parseIpv6(bad), undefined, bad);
  });

  it('wants an address inside the /64 of an IPv6 Floating IP', () => {
    const net = '2001:db8:4:9::/64';
    assert.equal(validateIpv6InNetwork('2001:db8:4:9::1', net), undefined);
    assert.equal(validateIpv6InNetwork('2001:0db8:0004:0009:ffff::abcd', net), undefined);
    assert.match(validateIpv6InNetwork('2001:db8:4:a::1', net) ?? '', /inside 2001:db8:4:9::\/64/);
    assert.match(validateIpv6InNetwork('not-an-ip', net) ?? '', /Enter an IPv6 address, e\.g\. 2001:db8:4:9::1/);
    assert.equal(suggestIpv6(net), '2001:db8:4:9::1');
  });
});
