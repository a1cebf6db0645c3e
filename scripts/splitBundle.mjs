// The extension bundle in files loaded as they are needed (scripts/build.mjs calls splitExtension).
// Compiling the code is most of what VS Code counts as activation, and it grows with the size of
// the file it loads. So dist/extension.js holds only what activate() runs: the static imports of
// src/extension.ts, all of them. What src loads with import() (command handlers, panel managers,
// node-fetch) goes in other files, one per group (our code in one, each npm package in its own),
// which Node loads the first time an import() needs one of their modules.
//
// Every module is in exactly one file, so each class exists once (instanceof holds across files):
// - a group file gets a module of dist/extension.js from its `__modules` export (the namespace
//   objects: live bindings), never a copy of it;
// - dist/extension.js gets an import()ed module from the group file's `__modules` the same way;
// - the build fails if a module still ends up in two files.
import { basename, join, relative, sep } from 'node:path';

const MAIN = 'extension';
/** The group of a module loaded by import(): its npm package, or our own code's group. */
const groupOf = (rel) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(rel)?.[1].replace(/[@/]/g, '-').replace(/^-/, '') ?? 'lazy';
const fileOf = (group) => (group === MAIN ? `${MAIN}.js` : `${MAIN}-${group}.js`);

/**
 * Builds `entry` into `outdir`/extension.js and one file per group of dynamically imported
 * modules. `common` are the esbuild options shared by every file; `plugins` run after the split's.
 */
export async function splitExtension({ esbuild, root, common, plugins, entry, outdir }) {
  const relOf = (abs) => relative(root, abs).split(sep).join('/');
  const absOf = (rel) => join(root, ...rel.split('/'));

  // Resolves an import the way the build would, through the other plugins (undefined: external).
  const resolver = (build) => async (args) => {
    const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { split: true } });
    if (r.errors.length > 0 || r.external || !r.path) return undefined;
    return relOf(r.path);
  };
  // A module of another file: `module.exports` is its namespace object there.
  // (Its path ends in .cjs: esbuild takes the file for what its extension says.)
  const reference = (group, rel) => ({ path: `${group}:${rel}.cjs`, namespace: 'split-ref', pluginData: { group, rel } });
  const referencePlugin = {
    name: 'split-ref',
    setup(build) {
      build.onLoad({ filter: /.*/, namespace: 'split-ref' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(`./${fileOf(args.pluginData.group)}`)}).__modules[${JSON.stringify(args.pluginData.rel)}];`,
        loader: 'js',
      }));
      build.onResolve({ filter: /^\.\/extension[\w-]*\.js$/, namespace: 'split-ref' }, (args) => ({ path: args.path, external: true }));
    },
  };
  /** An entry that re-exports `reexport` (if any) and the namespaces of `modules` as `__modules`. */
  const entryModule = (reexport, modules) =>
    [
      ...(reexport ? [`export * from ${JSON.stringify(absOf(reexport))};`] : []),
      ...modules.map((rel, i) => `import * as m${i} from ${JSON.stringify(absOf(rel))};`),
      `export const __modules = { ${modules.map((rel, i) => `${JSON.stringify(rel)}: m${i}`).join(', ')} };`,
    ].join('\n');

  // 1. What activation loads: the static closure of the entry (import()s left out).
  const firstTargets = new Set();
  const probe = await esbuild.build({
    ...common,
    entryPoints: [entry],
    outfile: join(outdir, 'probe.js'),
    write: false,
    metafile: true,
    sourcemap: false,
    minify: false,
    plugins: [
      {
        name: 'split-probe',
        setup(build) {
          const resolve = resolver(build);
          build.onResolve({ filter: /.*/ }, async (args) => {
            if (args.kind !== 'dynamic-import' || args.pluginData?.split) return undefined;
            const rel = await resolve(args);
            if (!rel) return undefined;
            firstTargets.add(rel);
            return { path: args.path, external: true };
          });
        },
      },
      ...plugins,
    ],
  });
  const inMain = new Set(Object.keys(probe.metafile.inputs));

  // 2. The groups, until no file needs a module another file does not export yet.
  /** group -> the modules it exports (import() targets, and what other files import of it). */
  const exportsOf = new Map([[MAIN, new Set()]]);
  /** module -> the group that exports it. */
  const exporter = new Map();
  /** Marks `rel` as exported by its group; whether that is new. */
  const need = (rel) => {
    if (exporter.has(rel)) return false;
    const g = inMain.has(rel) ? MAIN : groupOf(rel);
    if (!exportsOf.has(g)) exportsOf.set(g, new Set());
    exportsOf.get(g).add(rel);
    exporter.set(rel, g);
    return true;
  };
  for (const rel of firstTargets) if (!inMain.has(rel)) need(rel);

  /**
   * Bundles one file. dist/extension.js takes its static imports in and references what import()
   * reaches outside it; a group file references the modules of dist/extension.js and what other
   * groups export, and takes the rest of what its modules import in.
   */
  const buildGroup = (group, write) => {
    const exported = [...exportsOf.get(group)].sort();
    let changed = false;
    const options = {
      ...common,
      stdin: { contents: entryModule(group === MAIN ? entry : undefined, exported), resolveDir: root, sourcefile: `<${fileOf(group)}>`, loader: 'js' },
      outfile: join(outdir, fileOf(group)),
      metafile: true,
      write,
      // Each round builds again: the warnings once, with the files written.
      logLevel: write ? common.logLevel : 'silent',
      plugins: [
        {
          name: 'split',
          setup(build) {
            const resolve = resolver(build);
            build.onResolve({ filter: /.*/ }, async (args) => {
              if (args.pluginData?.split || args.namespace === 'split-ref' || args.importer === '<stdin>') return undefined;
              const rel = await resolve(args);
              if (!rel) return undefined;
              let g;
              if (group === MAIN) {
                if (args.kind !== 'dynamic-import' || inMain.has(rel)) return undefined;
                g = exporter.get(rel) ?? groupOf(rel);
              } else if (inMain.has(rel)) {
                g = MAIN;
              } else if (exporter.has(rel)) {
                g = exporter.get(rel);
              } else if (args.kind === 'dynamic-import' && groupOf(rel) !== group) {
                g = groupOf(rel);
              } else {
                return undefined;
              }
              if (g === group) return undefined;
              if (need(rel)) changed = true;
              return reference(g, rel);
            });
          },
        },
        referencePlugin,
        ...plugins,
      ],
    };
    return esbuild.build(options).then((result) => ({ result, changed }));
  };

  // Group files first (they tell which modules of dist/extension.js they need), then the main file.
  let outputs;
  for (let round = 0; ; round++) {
    if (round > 10) throw new Error('splitBundle: the groups do not settle');
    const groups = [...exportsOf.keys()].filter((g) => g !== MAIN);
    const built = await Promise.all(groups.map((g) => buildGroup(g, false)));
    if (built.some((b) => b.changed) || exportsOf.size !== groups.length + 1) continue;
    const main = await buildGroup(MAIN, false);
    if (main.changed) continue;
    outputs = [[MAIN, main.result], ...groups.map((g, i) => [g, built[i].result])];
    break;
  }

  // 3. Every module in one file only.
  const seen = new Map();
  for (const [group, result] of outputs) {
    for (const output of Object.values(result.metafile.outputs)) {
      for (const [rel, input] of Object.entries(output.inputs)) {
        if (input.bytesInOutput === 0 || rel.startsWith('split-ref:') || rel.startsWith('<')) continue;
        if (seen.has(rel)) throw new Error(`splitBundle: ${rel} is in ${fileOf(seen.get(rel))} and in ${fileOf(group)}`);
        seen.set(rel, group);
      }
    }
  }
  await Promise.all(outputs.map(([group]) => buildGroup(group, true)));
  return outputs.map(([group]) => basename(fileOf(group)));
}
