// The HTML of every webview page, as a pure function (no vscode), so the Chromium tests load the
// very page the panels show: `default-src 'none'`, the one script only with a fresh nonce, styles
// and fonts only from the extension's own media/dist (the webview's `cspSource`) or with the
// nonce, no inline handlers, no network (`connect-src` stays 'none': data comes by message).

import { randomBytes } from 'node:crypto';

export interface WebviewPageOptions {
  /** The document title (screen readers; not shown). */
  title: string;
  /** `webview.cspSource`: the origin the webview's own resources are served from. */
  cspSource: string;
  /** From `createNonce()`, new for every page. */
  nonce: string;
  /** The panel's bundle (`asWebviewUri` of media/dist/<panel>.js). */
  scriptUri: string;
  /** Stylesheets, in order (`asWebviewUri` of media/dist/<panel>.css, ...). */
  styleUris?: readonly string[];
  /** A short text shown until the script draws the panel. */
  loadingText?: string;
  /** The bundle is an ES module (`<script type="module">`): the console page, whose noVNC uses top-level await. */
  module?: boolean;
}

/** 128 random bits, base64: a CSP nonce. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    // The nonce lets the toolkit's one probe <style> (FAST's focus-visible check, which reads the
    // nonce from <meta property="csp-nonce">) through; every other style is a file of ours.
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function renderWebviewHtml(o: WebviewPageOptions): string {
  const styles = (o.styleUris ?? []).map((href) => `  <link rel="stylesheet" href="${escapeAttr(href)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(o.cspSource, o.nonce))}">
  <meta property="csp-nonce" content="${escapeAttr(o.nonce)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>${escapeText(o.title)}</title>
${styles}
</head>
<body>
  <main id="app" aria-busy="true">${escapeText(o.loadingText ?? 'Loading…')}</main>
  <script${o.module ? ' type="module"' : ''} nonce="${escapeAttr(o.nonce)}" src="${escapeAttr(o.scriptUri)}"></script>
</body>
</html>
`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}
