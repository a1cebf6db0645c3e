// Finding 9 (issue 10): an endpoint that echoes the token back in any field of its error answer
// (code, message, details.fields names and messages, any nested string or key) must not get it
// into the HcloudError, the message a user sees, or the request log. A raw loopback server plays
// the hostile endpoint (the simulator never echoes the token).

import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { HcloudError } from '../../../src/api/errors';
import { scrubDeep } from '../../../src/api/handlers/scrub';
import { HttpTransport } from '../../../src/api/http';
import type { RequestLogEntry } from '../../../src/api/transport';

const TOKEN = 'scrubMeToken0123456789abcdefABCDEF';

/** Answers every request with `answer(token)`, the token taken from the request's own header. */
async function echoServer(answer: (token: string, url: string) => { status: number; body: string; headers?: Record<string, string> }) {
  const server = http.createServer((req, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const a = answer(token, req.url ?? '');
    res.writeHead(a.status, { 'Content-Type': 'application/json', ...a.headers });
    res.end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function everything(err: HcloudError, log: RequestLogEntry[]): string {
  return [inspect(err, { depth: 12, showHidden: true }), err.message, err.fullMessage, err.code, JSON.stringify(err.details), JSON.stringify(err.fields), JSON.stringify(log)].join('\n');
}

describe('HttpTransport token scrubbing (finding 9)', () => {
  it('scrubs the token from code, message, details.fields and any nested string or key of an API error', async () => {
    const server = await echoServer((token, url) => {
      const error = {
        code: `bad_${token}`,
        message: `token ${token} is not valid`,
        details: {
          fields: [{ name: `name_${token}`, messages: [`${token} is taken`, 'fine'] }],
          nested: { deeper: [{ text: `x${token}x` }], [`key_${token}`]: 1 },
        },
      };
      return { status: url.includes('5xx') ? 503 : 422, body: JSON.stringify({ error }) };
    });
    const log: RequestLogEntry[] = [];
    const t = new HttpTransport({ token: TOKEN, endpoint: server.url, maxTries: 2, retryBaseMs: 1, onRequest: (e) => log.push(e) });
    try {
      for (const path of ['/servers', '/5xx']) {
        const err = await t.request('GET', path).catch((e: unknown) => e);
        assert.ok(err instanceof HcloudError);
        const all = everything(err, log);
        assert.ok(!all.includes(TOKEN), `the token leaked:\n${all}`);
        assert.equal(err.code, 'bad_***');
        assert.equal(err.message, 'token *** is not valid');
        assert.deepEqual(err.fields, [{ name: 'name_***', messages: ['*** is taken', 'fine'] }]);
        assert.deepEqual(err.details.nested, { deeper: [{ text: 'x***x' }], 'key_***': 1 });
      }
      assert.deepEqual(
        log.map((e) => e.errorCode),
        ['bad_***', 'bad_***', 'bad_***'],
      );
    } finally {
      t.dispose();
      await server.close();
    }
  });

  it('scrubs the token from a redirect target and a body that is not JSON', async () => {
    const server = await echoServer((token, url) =>
      url.includes('redirect')
        ? { status: 302, body: '', headers: { Location: `https://evil.example/?t=${token}` } }
        : { status: 200, body: `<html>${token}</html>` },
    );
    const t = new HttpTransport({ token: TOKEN, endpoint: server.url, maxTries: 1 });
    try {
      for (const path of ['/redirect', '/html']) {
        const err = await t.request('GET', path).catch((e: unknown) => e);
        assert.ok(err instanceof HcloudError);
        assert.ok(!everything(err, []).includes(TOKEN), path);
        assert.match(err.message, /\*\*\*/);
      }
    } finally {
      t.dispose();
      await server.close();
    }
  });

  it('scrubDeep keeps the shape and leaves other values alone', () => {
    const input = { a: [1, true, null, `p${TOKEN}`], b: { c: TOKEN }, ['__proto__']: 'x' };
    const out = scrubDeep(JSON.parse(JSON.stringify(input)), TOKEN) as Record<string, unknown>;
    assert.deepEqual(out.a, [1, true, null, 'p***']);
    assert.deepEqual(out.b, { c: '***' });
    assert.equal(scrubDeep('short', 'abc'), 'short', 'tokens under 8 characters are not scrubbed');
  });
});
