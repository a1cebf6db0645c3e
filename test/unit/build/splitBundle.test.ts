// scripts/splitBundle.mjs on a small fixture: what activation loads in extension.js, what import()
// reaches in extension-lazy.js, every module in one file only (a class shared by both exists once,
// so instanceof holds across the files), and the build refuses a split that would copy a module.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const esbuild = require('esbuild') as typeof import('esbuild');
type Split = (o: { esbuild: unknown; root: string; common: object; plugins: object[]; entry: string; outdir: string }) => Promise<string[]>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { splitExtension } = require(join(root, 'scripts', 'splitBundle.mjs')) as { splitExtension: Split };

describe('splitBundle (the extension in files loaded on first use)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hcloud-split-'));
    writeFileSync(join(dir, 'shared.ts'), 'export class Shared { readonly tag = "shared-class"; }\n');
    writeFileSync(join(dir, 'lazy.ts'), 'import { Shared } from "./shared";\nexport const make = () => { globalThis.lazyRan = "lazy-body"; return new Shared(); };\n');
    writeFileSync(
      join(dir, 'entry.ts'),
      'import { Shared } from "./shared";\nexport { Shared };\nexport async function makeLater() { return (await import("./lazy")).make(); }\n',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = (plugins: object[] = []) =>
    splitExtension({
      esbuild,
      root: dir,
      common: { absWorkingDir: dir, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' },
      plugins,
      entry: 'entry.ts',
      outdir: join(dir, 'dist'),
    });

  it('puts what import() reaches in its own file, and each module in one file only', async () => {
    const files = await build();
    assert.deepEqual([...files].sort(), ['extension-lazy.js', 'extension.js']);
    assert.deepEqual(readdirSync(join(dir, 'dist')).sort(), ['extension-lazy.js', 'extension.js']);
    const main = readFileSync(join(dir, 'dist', 'extension.js'), 'utf8');
    const lazy = readFileSync(join(dir, 'dist', 'extension-lazy.js'), 'utf8');
    assert.ok(!main.includes('lazy-body'), 'the lazy module is not in extension.js');
    assert.ok(lazy.includes('lazy-body'));
    assert.equal(main.split('shared-class').length - 1, 1, 'the shared class is in extension.js');
    assert.ok(!lazy.includes('shared-class'), 'and not copied into extension-lazy.js');

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require(join(dir, 'dist', 'extension.js')) as { Shared: new () => object; makeLater(): Promise<object> };
    const made = await m.makeLater();
    assert.ok(made instanceof m.Shared, 'a class made in the lazy file is the one extension.js exports');
  });

  it('refuses a split in which a module would be in two files', async () => {
    // A plugin the split cannot see through: it resolves `copy:shared` to shared.ts for the bundle,
    // but not for the split's own look-up, so the lazy file would take in a copy of shared.ts.
    const hidden = {
      name: 'hidden-shared',
      setup(b: { onResolve(o: object, f: (a: { pluginData?: { split?: boolean } }) => object | undefined): void }) {
        b.onResolve({ filter: /^copy:shared$/ }, (args) => (args.pluginData?.split ? undefined : { path: join(dir, 'shared.ts') }));
      },
    };
    writeFileSync(join(dir, 'lazy.ts'), 'import { Shared } from "copy:shared";\nexport const make = () => new Shared();\n');
    await assert.rejects(build([hidden]), /splitBundle: shared\.ts is in extension\.js and in extension-lazy\.js/);
  });
});
