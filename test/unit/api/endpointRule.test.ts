// The one endpoint rule (src/api/endpointRule.ts): https anywhere, http only to loopback; the same for
// WebSockets; and the transport refusing a cleartext endpoint to another computer before any request.
import * as assert from 'node:assert/strict';
import { parse as legacyParse } from 'node:url';
import fc from 'fast-check';
import { httpEndpointProblem, isLoopbackHostname, webSocketEndpointProblem } from '../../../src/api/endpointRule';
import { HcloudError } from '../../../src/api/errors';
import { HttpTransport } from '../../../src/api/http';
import type { FetchLike } from '../../../src/api/transport';

const TOKEN = 'endpoint-rule-token-5d1e';
const RUNS = { numRuns: 300 };

/** Hosts that are this computer, as people write them. */
const LOOPBACK = ['localhost', 'LOCALHOST', 'LocalHost', '127.0.0.1', '127.8.9.10', '127.255.255.255', '127.1', '0x7f.0.0.1', '2130706433', '2130706432', '017700000001', '127.0.0.1.', '[::1]', '[0:0:0:0:0:0:0:1]'];

/** Hosts that are not, including tricks that look like loopback. */
const REMOTE = [
  'api.example.com',
  '10.0.0.1',
  '192.0.2.10',
  '128.0.0.1',
  '126.255.255.255',
  '127.0.0.1.evil.example',
  'localhost.evil.example',
  'localhost.',
  'evil-localhost',
  '127.0.0.1evil.example',
  '[::ffff:127.0.0.1]',
  '[::2]',
  '[::]',
  '0.0.0.0',
  '2130706431', // 126.255.255.255
  '4294967295',
];

describe('endpoint rule', () => {
  it('accepts https to any host, and http only to loopback hosts', () => {
    for (const host of [...LOOPBACK, ...REMOTE]) assert.equal(httpEndpointProblem(`https://${host}/v1`), undefined, host);
    for (const host of LOOPBACK) assert.equal(httpEndpointProblem(`http://${host}:4780/v1`), undefined, host);
    for (const host of REMOTE) {
      const problem = httpEndpointProblem(`http://${host}/v1`);
      assert.equal(problem?.code, 'insecure_endpoint', host);
      assert.match(problem.message, /unencrypted/);
      assert.match(problem.message, /use https:\/\//i);
    }
  });

  it('judges the host the URL parser reads, not what the text looks like', () => {
    // userinfo: the request goes to evil.example; credentials in a URL are refused anyway.
    for (const url of ['http://127.0.0.1@evil.example/v1', 'http://localhost:80@evil.example/v1', 'https://user:pw@api.hetzner.cloud/v1', 'http://user@127.0.0.1/v1']) {
      const problem = httpEndpointProblem(url);
      assert.ok(problem, url);
      assert.ok(!problem.message.includes('user') || /user name/.test(problem.message), 'the user name is not echoed');
    }
    assert.equal(httpEndpointProblem('http://127.0.0.1@evil.example/v1')?.message.includes('127.0.0.1'), false, 'the user info is not echoed');
    // Percent-encoded and full-width spellings of localhost become localhost; of a remote host, stay remote.
    assert.equal(httpEndpointProblem('http://%6c%6f%63%61%6c%68%6f%73%74/v1'), undefined);
    assert.equal(httpEndpointProblem('http://localhost%2eevil.example/v1')?.code, 'insecure_endpoint');
    assert.equal(httpEndpointProblem('http://evil.example#@127.0.0.1')?.code, 'insecure_endpoint');
    assert.equal(httpEndpointProblem('http://evil.example\\@127.0.0.1')?.code, 'insecure_endpoint');
    assert.equal(httpEndpointProblem('HTTP://EVIL.EXAMPLE/v1')?.code, 'insecure_endpoint');
  });

  it('refuses what is not an http(s) URL', () => {
    for (const url of ['not a url', '', 'ftp://127.0.0.1/v1', 'file:///etc/passwd', 'javascript:alert(1)', 'ws://127.0.0.1/v1', 'http://127.0.0.1%00.evil/']) {
      assert.equal(httpEndpointProblem(url)?.code, 'invalid_endpoint', url);
    }
  });

  it('holds the same for WebSockets: wss anywhere, ws only to loopback', () => {
    assert.equal(webSocketEndpointProblem('wss://console.example/ws'), undefined);
    for (const host of LOOPBACK) assert.equal(webSocketEndpointProblem(`ws://${host}:5900/`), undefined, host);
    for (const host of REMOTE) assert.equal(webSocketEndpointProblem(`ws://${host}/`)?.code, 'insecure_endpoint', host);
    assert.match(webSocketEndpointProblem('ws://evil.example/')?.message ?? '', /use wss:\/\//i);
    assert.equal(webSocketEndpointProblem('https://api.hetzner.cloud/')?.code, 'invalid_endpoint');
    assert.equal(webSocketEndpointProblem('ws://127.0.0.1@evil.example/')?.code, 'invalid_endpoint');
  });

  it('knows the loopback range by the parser\'s hostname only', () => {
    assert.ok(isLoopbackHostname('127.0.0.1'));
    assert.ok(isLoopbackHostname('127.8.9.10'));
    assert.ok(isLoopbackHostname('[::1]'));
    for (const h of ['127.256.0.1', '128.0.0.1', '127.0.0', 'localhost.', 'localhost.example.com', '::1', '', '[::ffff:7f00:1]']) assert.ok(!isLoopbackHostname(h), h);
  });

  // Properties over hostile text -------------------------------------------------------------------

  const hostChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789.-_@:[]%#?/\\ \t\n\u3002\uff0e\u0000xX'.split(''));
  const hostile = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: hostChar, maxLength: 40 }),
    fc.tuple(fc.constantFrom(...LOOPBACK, ...REMOTE), fc.constantFrom('', '.', '..', '.evil.example', '@evil.example', ':80@evil.example', '%2eevil', '#', '\\@evil'), fc.constantFrom('', '/v1', ':8080/v1')).map(
      ([h, tail, path]) => `${h}${tail}${path}`,
    ),
  );
  const scheme = fc.constantFrom('http://', 'HTTP://', 'http:', 'http:/', 'http:\\\\', ' http://', 'https://', 'ws://', 'wss://');

  it('property: an http(s) endpoint it accepts is https, or http whose host every parser on the way reads as loopback', () => {
    fc.assert(
      fc.property(scheme, hostile, (s, rest) => {
        const text = `${s}${rest}`;
        if (httpEndpointProblem(text)) return;
        const url = new URL(text.trim());
        assert.ok(url.protocol === 'https:' || url.protocol === 'http:', text);
        assert.equal(url.username + url.password, '', text);
        if (url.protocol === 'https:') return;
        assert.ok(isLoopbackHostname(url.hostname), text);
        // The transport appends paths to the base; node-fetch re-reads the URL with the legacy parser.
        const full = new URL(`${text.trim().replace(/\/+$/, '')}/servers?page=1`);
        assert.equal(full.hostname, url.hostname, text);
        const legacy = legacyParse(full.href).hostname ?? '';
        assert.ok(isLoopbackHostname(legacy.includes(':') ? `[${legacy}]` : legacy), `${text} -> legacy ${legacy}`);
      }),
      RUNS,
    );
  });

  it('property: ws/wss follow the same rule as http/https', () => {
    fc.assert(
      fc.property(fc.constantFrom('://', ':', ':/'), hostile, fc.boolean(), (sep, rest, secure) => {
        const http = httpEndpointProblem(`http${secure ? 's' : ''}${sep}${rest}`);
        const ws = webSocketEndpointProblem(`ws${secure ? 's' : ''}${sep}${rest}`);
        // Special schemes parse alike; only the messages name the other scheme.
        assert.equal(ws?.code, http?.code, `${sep}${rest}`);
      }),
      RUNS,
    );
  });

  // The transport ---------------------------------------------------------------------------------

  it('the transport refuses a cleartext endpoint to another computer before any request, without the token', async () => {
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls++;
      throw new Error('no request may be sent');
    };
    for (const endpoint of ['http://api.example.com/v1', 'http://127.0.0.1.evil.example/v1', 'http://localhost.evil.example/v1', 'http://[::ffff:127.0.0.1]/v1']) {
      let error: unknown;
      try {
        const t = new HttpTransport({ token: TOKEN, endpoint, fetch, maxTries: 1 });
        await t.request('GET', '/servers');
      } catch (e) {
        error = e;
      }
      assert.ok(error instanceof HcloudError, `${endpoint}: an HcloudError (${String(error)})`);
      assert.equal(error.code, 'insecure_endpoint', endpoint);
      assert.match(error.message, /unencrypted/);
      assert.ok(!JSON.stringify({ m: error.message, d: error.details, c: String(error.cause) }).includes(TOKEN), 'no token in the error');
    }
    assert.equal(calls, 0, 'no request was sent');
    // https anywhere and http to loopback still go out.
    const ok: FetchLike = async () => {
      calls++;
      return { status: 200, headers: { get: () => null }, text: async () => '{"servers":[]}' };
    };
    await new HttpTransport({ token: TOKEN, endpoint: 'https://api.example.com/v1', fetch: ok }).request('GET', '/servers');
    await new HttpTransport({ token: TOKEN, endpoint: 'http://127.0.0.1:9/v1', fetch: ok }).request('GET', '/servers');
    assert.equal(calls, 2);
  });
});
