// Builds the extension bundle (dist/), the webview bundles (media/dist/<panel>.js and .css, one per
// webview-ui/<panel>/main.ts) and, with --tests, transpiles src/ and test/ to out/ for mocha.
// Flags: --tests, --production (minified bundle), --quiet, --outdir=<dir> (default out).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitExtension } from './splitBundle.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const quiet = args.has('--quiet');
const outdir = (process.argv.find((a) => a.startsWith('--outdir=')) ?? '--outdir=out').slice('--outdir='.length);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The version is baked in at build time (User-Agent); see src/api/version.ts.
const define = { 'process.env.HCLOUD_EXT_VERSION': JSON.stringify(pkg.version) };

function tsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

// Every `vscode` import of src/ goes through scripts/shims/vscode.mjs (see there): one copy of
// the API object at load instead of one per importing file, which was most of the bundle's load time.
const vscodeShim = join(root, 'scripts', 'shims', 'vscode.mjs');
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.importer === vscodeShim ? { path: 'vscode', external: true } : { path: vscodeShim }));
  },
};

const started = Date.now();
await buildExtension();

// The extension in files that VS Code loads as they are needed (scripts/splitBundle.mjs):
// dist/extension.js holds what activate() runs; each file the dynamic import()s of src reach goes
// in a file of its own group, loaded by the first import() that needs it.
async function buildExtension() {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    alias: { 'whatwg-url': './scripts/shims/whatwg-url.js' },
    sourcemap: !production,
    minify: production,
    define,
    logLevel: 'warning',
  };
  await splitExtension({ esbuild, root, common, plugins: [vscodeOnce], entry: 'src/extension.ts', outdir: 'dist' });
}

// Code that runs inside the webviews: one self-contained script (and stylesheet, when it imports
// CSS) per panel, browser target, no CDN; the panel hosts load them from media/dist/.
// Pages bundled as ES modules (loaded with <script type="module">): noVNC, which the console page
// runs, uses top-level await, which an iife bundle cannot hold. Every other page stays an iife.
const MODULE_PAGES = new Set(['console']);
const webviewPages = readdirSync(join(root, 'webview-ui'))
  .filter((name) => existsSync(join(root, 'webview-ui', name, 'main.ts')))
  .map((name) => ({ in: `webview-ui/${name}/main.ts`, out: name }));
const webviewEntries = webviewPages.filter((e) => !MODULE_PAGES.has(e.out));
const moduleEntries = webviewPages.filter((e) => MODULE_PAGES.has(e.out));
if (webviewPages.length > 0) rmSync(join(root, 'media', 'dist'), { recursive: true, force: true });
await bundlePages(webviewEntries, 'iife');
await bundlePages(moduleEntries, 'esm');

async function bundlePages(entryPoints, format) {
  if (entryPoints.length === 0) return;
  await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    outdir: 'media/dist',
    platform: 'browser',
    format,
    target: 'es2022',
    sourcemap: production ? false : 'linked',
    minify: production,
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
    logLevel: 'warning',
  });
}

if (args.has('--tests')) {
  rmSync(join(root, outdir), { recursive: true, force: true });
  const entryPoints = [...tsFiles(join(root, 'src')), ...tsFiles(join(root, 'test'))].map((p) => relative(root, p));
  await esbuild.build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    outbase: '.',
    define,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}
if (!quiet) console.log(`build: done in ${Date.now() - started} ms${args.has('--tests') ? ' (bundle + tests)' : ''}`);
