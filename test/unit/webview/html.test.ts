import assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, renderWebviewHtml } from '../../../src/webview/html';

const SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

describe('webview page (html.ts)', () => {
  it('allows nothing by default, scripts only with the nonce, styles and fonts only from the extension', () => {
    const csp = contentSecurityPolicy(SOURCE, 'abc123');
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-abc123'"]);
    assert.deepEqual(directives.get('style-src'), [SOURCE, "'nonce-abc123'"]);
    assert.deepEqual(directives.get('font-src'), [SOURCE]);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'), csp);
    assert.ok(!directives.has('connect-src'), 'no network from the webview');
  });

  it('a new 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const n of nonces) assert.equal(Buffer.from(n, 'base64').length, 16);
  });

  it('loads the one script with the nonce and the stylesheets, and no inline script or handler', () => {
    const html = renderWebviewHtml({
      title: 'Metrics of "web-1" <b>',
      cspSource: SOURCE,
      nonce: 'n0nce',
      scriptUri: `${SOURCE}/media/dist/metrics.js`,
      styleUris: [`${SOURCE}/media/dist/metrics.css`],
    });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes(`<script nonce="n0nce" src="${SOURCE}/media/dist/metrics.js"></script>`), html);
    assert.ok(html.includes(`<link rel="stylesheet" href="${SOURCE}/media/dist/metrics.css">`), html);
    assert.ok(html.includes('<meta property="csp-nonce" content="n0nce">'), 'the toolkit reads the nonce for its probe style');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
    assert.match(html, /<title>Metrics of "web-1" &lt;b&gt;<\/title>/, 'the title is escaped');
  });

  it('loads an ES module page (the console) with type="module" and the nonce, under the same CSP', () => {
    const page = (module?: boolean) => renderWebviewHtml({ title: 'Console', cspSource: SOURCE, nonce: 'n0nce', scriptUri: `${SOURCE}/media/dist/console.js`, module });
    const html = page(true);
    assert.ok(html.includes(`<script type="module" nonce="n0nce" src="${SOURCE}/media/dist/console.js"></script>`), html);
    assert.ok(html.includes(`content="${contentSecurityPolicy(SOURCE, 'n0nce')}"`), 'the same CSP: no connect-src');
    assert.doesNotMatch(page(false), /type="module"/);
  });
});
