// The console relay's refusals and the console protocol's parsers, without a page or a socket. (The
// relay against the simulator's RFB server, with the real page, is test/webview/console.spec.mjs.)
import assert from 'node:assert/strict';
import { parseConsoleFromWebview, parseConsoleToWebview, type ConsoleToWebview } from '../../../src/shared/consoleProtocol';
import { ConsoleRelay } from '../../../src/webview/console/relay';

describe('console relay and protocol', () => {
  it('refuses a ws: URL to another computer before connecting, and never posts or logs the URL', () => {
    const posted: ConsoleToWebview[] = [];
    const logged: string[] = [];
    const relay = new ConsoleRelay({ post: (m) => posted.push(m), log: (l) => logged.push(l) });
    const token = 'one-time-token-0123456789';
    const session = relay.connect({ wssUrl: `ws://203.0.113.7/console/${token}`, password: 'pw123456' }, 'web-1');
    assert.deepEqual(posted[0], { type: 'connect', session, serverName: 'web-1', password: 'pw123456' });
    assert.equal(posted[1].type, 'closed');
    assert.match(posted[1].type === 'closed' ? posted[1].reason : '', /^The console URL was refused: Plain ws:\/\/ would send/);
    assert.equal(relay.isOpen, false);
    for (const text of [JSON.stringify(posted), ...logged]) assert.ok(!text.includes(token) && !text.includes('/console/'), text);
    // What the page sends for a session without a socket goes nowhere (and does not throw).
    relay.handle({ type: 'send', session, bytes: 'AAAA' });
    relay.handle({ type: 'close', session });
    assert.equal(posted.length, 2);
  });

  it('parsers take exactly the documented shapes (bytes as base64, a session id)', () => {
    assert.deepEqual(parseConsoleFromWebview({ type: 'send', session: 3, bytes: 'AQID' }), { type: 'send', session: 3, bytes: 'AQID' });
    assert.equal(parseConsoleFromWebview({ type: 'send', session: 3, bytes: 'not base64!' }), undefined);
    assert.equal(parseConsoleFromWebview({ type: 'send', session: 0, bytes: 'AQID' }), undefined);
    assert.equal(parseConsoleFromWebview({ type: 'state', state: 'hacked', detail: '' }), undefined);
    assert.deepEqual(parseConsoleFromWebview({ type: 'state', state: 'closed', detail: 'Closed: x' }), { type: 'state', state: 'closed', detail: 'Closed: x' });
    assert.equal(parseConsoleFromWebview({ type: 'connect', session: 1 }), undefined, 'only the host connects');
    assert.equal(parseConsoleToWebview({ type: 'connect', session: 1, serverName: 'a', password: 'x'.repeat(257) }), undefined);
    assert.deepEqual(parseConsoleToWebview({ type: 'closed', session: 2, code: 1006, reason: 'gone' }), { type: 'closed', session: 2, code: 1006, reason: 'gone' });
    assert.equal(parseConsoleToWebview({ type: 'notice', kind: 'other', message: '' }), undefined);
  });
});
