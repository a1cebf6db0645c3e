// Open Folder on Server's pure parts: the default folder, the folder check, and the
// vscode-remote://ssh-remote+<user>@<host><folder> URI (the host an IPv4 only).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultFolder, folderKey, folderProblem, normalFolder, remoteSshTarget } from '../../../src/commands/connect/remoteFolder';

describe('remoteFolder (Open Folder on Server, Remote-SSH)', () => {
  it('defaults to /root for root and /home/<user> for anyone else', () => {
    assert.equal(defaultFolder('root'), '/root');
    assert.equal(defaultFolder('deploy_1'), '/home/deploy_1');
  });

  it('builds the authority ssh-remote+<user>@<IPv4> and the path, and a URI whose path segments are encoded', () => {
    assert.deepEqual(remoteSshTarget('root', '203.0.113.5', '/root'), { authority: 'ssh-remote+root@203.0.113.5', path: '/root', uri: 'vscode-remote://ssh-remote+root@203.0.113.5/root' });
    const t = remoteSshTarget('deploy', '192.0.2.7', '/srv/my app/#1?x%/');
    assert.equal(t.path, '/srv/my app/#1?x%');
    assert.equal(t.uri, 'vscode-remote://ssh-remote+deploy@192.0.2.7/srv/my%20app/%231%3Fx%25');
    assert.equal(new URL(t.uri!).pathname, '/srv/my%20app/%231%3Fx%25', 'a URL parser sees one path, no query or fragment');
  });

  it('refuses an IPv6 address with the reason (the colons clash with the port syntax), and anything that is not an IPv4', () => {
    assert.match(remoteSshTarget('root', '2001:db8::1', '/root').error ?? '', /only IPv6 \(2001:db8::1\).*colons.*port/);
    for (const bad of ['example.com', '203.0.113.5:22', '203.0.113.5/x', '', '203.0.113.5 -oProxyCommand=x']) {
      assert.match(remoteSshTarget('root', bad, '/root').error ?? '', /is not an IPv4 address/, bad);
    }
  });

  it('refuses a user ssh would not take, and a folder that is relative, has control characters, . or .. parts, or an empty part', () => {
    assert.match(remoteSshTarget('-oProxyCommand=x', '203.0.113.5', '/root').error ?? '', /not a user name/);
    const cases: Array<[string, RegExp]> = [
      ['root', /absolute path/],
      ['', /absolute path/],
      ['~/x', /absolute path/],
      ['/srv/a\nb', /control character/],
      ['/srv/\u0000', /control character/],
      ['/srv/\u009b', /control character/],
      ['/srv/../etc', /\. or \.\./],
      ['/srv/./x', /\. or \.\./],
      ['/srv//x', /empty part/],
      [`/${'x'.repeat(1024)}`, /At most 1024/],
    ];
    for (const [folder, why] of cases) {
      assert.match(folderProblem(folder) ?? '', why, JSON.stringify(folder));
      assert.match(remoteSshTarget('root', '203.0.113.5', folder).error ?? '', why);
    }
    for (const ok of ['/', '/root', '/home/x/', '/srv/my app', '/opt/ünïcode']) assert.equal(folderProblem(ok), undefined, ok);
  });

  it('drops a trailing slash (except for /) and keys the memory by project and server', () => {
    assert.equal(normalFolder('/srv/app/'), '/srv/app');
    assert.equal(normalFolder('/'), '/');
    assert.equal(folderKey('p1', 42), 'hcloud.remoteFolder/p1/42');
  });

  it('property: an accepted folder round-trips through the URI: decoding the path gives the folder back, and no ? or # splits it', () => {
    const part = fc.string({ minLength: 1, maxLength: 12 }).filter((p) => !p.includes('/') && p !== '.' && p !== '..');
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), (parts) => {
        const folder = `/${parts.join('/')}`;
        const t = remoteSshTarget('root', '198.51.100.1', folder);
        if (folderProblem(folder)) return t.error !== undefined;
        const url = new URL(t.uri!);
        return url.search === '' && url.hash === '' && url.pathname.split('/').map(decodeURIComponent).join('/') === folder;
      }),
    );
  });
});
