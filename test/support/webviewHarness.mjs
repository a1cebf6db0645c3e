/* global window, document */
// Loads a panel's real webview page (src/webview/html.ts: the same HTML, CSP and nonce rules as
// in VS Code; the bundle from media/dist) in headless Chromium, outside VS Code: a local HTTP
// server plays the webview's resource origin, a stub `acquireVsCodeApi` records what the page
// posts and keeps its state, and the test posts the extension's messages with `send`.
// Used by the webview specs (test/webview/*.spec.mjs) and the render benchmark.
//
//   const harness = await startWebviewHarness({ outDir: 'out-webview' });
//   const view = await harness.open(page, 'metrics', { theme: 'dark', state: {...} });
//   await view.waitForPosted('ready'); await view.send({ type: 'data', ... });
//
// Themes: test/webview/fixtures/theme-<theme>.css holds VS Code's --vscode-* variables for
// `dark`, `light` and `high-contrast`; <body> gets the class VS Code sets (`vscode-dark`, ...).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png' };
const THEME_CLASS = { dark: 'vscode-dark', light: 'vscode-light', 'high-contrast': 'vscode-high-contrast' };
/** Only these folders are served: the built bundles and the theme fixtures. */
const SERVED = ['media/dist/', 'test/webview/fixtures/'];

/** Runs in the page before its own script: the VS Code webview API, recorded. */
function installStubs(initialState) {
  const record = { posted: [], state: initialState ?? undefined, csp: [], errors: [], acquired: 0 };
  window.__hcloud = record;
  window.acquireVsCodeApi = () => {
    if (++record.acquired > 1) throw new Error('An instance of the VS Code API has already been acquired');
    return {
      postMessage: (m) => {
        const copy = JSON.parse(JSON.stringify(m));
        record.posted.push(copy);
        // The console's relay test hears every message as it is posted (open's `onPost`).
        window.__hcloudOnPost?.(copy);
      },
      getState: () => record.state,
      setState: (s) => { record.state = JSON.parse(JSON.stringify(s)); },
    };
  };
  document.addEventListener('securitypolicyviolation', (e) => record.csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  window.addEventListener('error', (e) => record.errors.push(String(e.message)));
}

export async function startWebviewHarness({ outDir = 'out-webview' } = {}) {
  const { renderWebviewHtml, createNonce } = createRequire(import.meta.url)(join(root, outDir, 'src', 'webview', 'html.js'));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = `http://${req.headers.host}`;
    const page = /^\/page\/([a-zA-Z]+)$/.exec(url.pathname);
    if (page) {
      const panel = page[1];
      const theme = url.searchParams.get('theme') ?? 'dark';
      if (!THEME_CLASS[theme] || !existsSync(join(root, 'media', 'dist', `${panel}.js`))) return void res.writeHead(404).end();
      const styleUris = [`${origin}/test/webview/fixtures/theme-${theme}.css`];
      if (existsSync(join(root, 'media', 'dist', `${panel}.css`))) styleUris.push(`${origin}/media/dist/${panel}.css`);
      const module = url.searchParams.get('module') === '1';
      const html = renderWebviewHtml({ title: panel, cspSource: origin, nonce: createNonce(), scriptUri: `${origin}/media/dist/${panel}.js`, styleUris, module })
        .replace('<body>', `<body class="${THEME_CLASS[theme]}" data-vscode-theme-kind="${THEME_CLASS[theme]}">`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, '');
    if (!SERVED.some((p) => rel.startsWith(p)) || !existsSync(join(root, rel))) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(readFileSync(join(root, rel)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;

  return {
    base,
    close: () => new Promise((resolve) => server.close(resolve)),
    /**
     * Opens media/dist/<panel>.js's page in `page` and waits for its `ready`.
     * `state`: what getState() returns (as after a reload). `viewport`: { width, height }.
     * `module`: the bundle is an ES module (the console page). `onPost(message)`: called in Node
     * with each message the page posts, as it posts it.
     */
    async open(page, panel, { theme = 'dark', state, viewport = { width: 1000, height: 800 }, module = false, onPost } = {}) {
      await page.setViewportSize(viewport);
      if (onPost) await page.exposeFunction('__hcloudOnPost', onPost);
      await page.addInitScript(installStubs, state ?? null);
      await page.goto(`${base}/page/${panel}?theme=${theme}${module ? '&module=1' : ''}`);
      const view = webviewView(page);
      await view.waitForPosted('ready');
      return view;
    },
  };
}

function webviewView(page) {
  const view = {
    page,
    /** Posts a message as the extension would. */
    send: (message) => page.evaluate((m) => window.postMessage(m, '*'), message),
    /** Everything the page posted so far, oldest first. */
    posted: () => page.evaluate(() => window.__hcloud.posted),
    /** The page's saved state (setState). */
    state: () => page.evaluate(() => window.__hcloud.state),
    /** Content-Security-Policy violations and uncaught errors so far (both should stay empty). */
    problems: () => page.evaluate(() => ({ csp: window.__hcloud.csp, errors: window.__hcloud.errors })),
    /** The `n`-th (1-based) message of `type` the page posts, waiting for it. */
    async waitForPosted(type, { n = 1, timeout = 10_000 } = {}) {
      const handle = await page.waitForFunction(
        ([t, count]) => window.__hcloud?.posted.filter((m) => m.type === t)[count - 1],
        [type, n],
        { timeout },
      );
      return handle.jsonValue();
    },
    /** Drops what was posted so far (to wait for the next message of a type). */
    clearPosted: () => page.evaluate(() => { window.__hcloud.posted.length = 0; }),
  };
  return view;
}
