import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isIP } from 'node:net';
import { sshAddress, sshArgs, sshUserProblem } from '../../../src/commands/sshArgs';

describe('sshArgs (Open SSH in Terminal, started without a shell)', () => {
  it('passes user@address as one argument after --, for IPv4 and IPv6 (no brackets)', () => {
    assert.deepEqual(sshArgs('203.0.113.5', 'root'), { args: ['--', 'root@203.0.113.5'] });
    assert.deepEqual(sshArgs('2001:db8::1', 'deploy_user.1'), { args: ['--', 'deploy_user.1@2001:db8::1'] });
    assert.deepEqual(sshArgs('192.0.2.10', '_svc-x'), { args: ['--', '_svc-x@192.0.2.10'] });
  });

  it('refuses an address from the API that is not an IP address (a shell line, an option, a host name)', () => {
    for (const bad of ['203.0.113.5; touch /tmp/x', '203.0.113.5 -oProxyCommand=x', '-oProxyCommand=touch', '$(touch x)', 'example.com', '', '2001:db8::/64', '203.0.113.5\n']) {
      assert.match(sshArgs(bad, 'root').error ?? '', /is not an IP address/, bad);
    }
  });

  it('refuses a user name ssh could read as an option, or that is not a plain user name', () => {
    for (const bad of ['-oProxyCommand=touch', '-l', 'Root', 'a b', 'a;b', '', 'ü', 'root@x', '9lives', 'x'.repeat(33)]) {
      assert.ok(sshUserProblem(bad), bad);
      assert.equal(sshArgs('203.0.113.5', bad).args, undefined, bad);
    }
    for (const ok of ['root', 'ubuntu', '_x', 'a.b-c_9', 'x'.repeat(32)]) assert.equal(sshUserProblem(ok), undefined, ok);
  });

  it('property: whatever the strings, the arguments are -- and one user@ip with a valid IP and a user that does not start with -', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.ipV4(), fc.ipV6(), fc.constantFrom('-oProxyCommand=touch', '1.2.3.4;id', 'root'));
    fc.assert(
      fc.property(anyText, anyText, (ip, user) => {
        const r = sshArgs(ip, user);
        if (r.error !== undefined) return;
        assert.equal(r.args.length, 2);
        assert.equal(r.args[0], '--');
        const at = r.args[1].lastIndexOf('@');
        assert.notEqual(isIP(r.args[1].slice(at + 1)), 0);
        assert.match(r.args[1].slice(0, at), /^[a-z_][a-z0-9_.-]*$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sshAddress', () => {
  it('takes the IPv4, else the first address of the IPv6 network, else nothing', () => {
    assert.deepEqual(sshAddress({ ipv4: { ip: '203.0.113.5' }, ipv6: { ip: '2001:db8::/64' } }), { ip: '203.0.113.5', family: 'IPv4' });
    assert.deepEqual(sshAddress({ ipv6: { ip: '2001:db8:1:2::/64' } }), { ip: '2001:db8:1:2::1', family: 'IPv6' });
    assert.equal(sshAddress({}), undefined);
  });

  it('passes a malformed IPv6 network on unchanged, so sshArgs refuses it', () => {
    const a = sshAddress({ ipv6: { ip: '2001:db8::/64; touch /tmp/x' } });
    assert.equal(a?.ip, '2001:db8::/64; touch /tmp/x');
    assert.match(sshArgs(a!.ip, 'root').error ?? '', /not an IP address/);
  });
});
