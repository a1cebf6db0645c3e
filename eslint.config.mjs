import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// The floors of src, lowest first, and the other floors each may import (npm packages and Node's
// built-ins aside). A floor never imports one above it; src/sim (the API simulator, for tests and
// the demo) is imported by no floor; src/extension.ts may import every floor but src/sim.
// webview-ui (the code inside the webviews) imports src/shared only.
const FLOORS = {
  shared: [], // the webview bundles it: nothing else of ours
  api: ['shared'],
  sim: ['api', 'shared'],
  projects: ['api', 'shared'],
  ui: ['api', 'projects', 'shared'],
  tree: ['api', 'projects', 'shared', 'ui'],
  webview: ['api', 'projects', 'shared', 'tree', 'ui'],
  commands: ['api', 'projects', 'shared', 'tree', 'ui', 'webview'],
};

// Floors that must run outside VS Code (unit tests in plain Node, the simulator, the webview).
const WITHOUT_VSCODE = new Set(['shared', 'api', 'sim']);

// Files a floor may import from a floor it otherwise may not: none today. A new entry is
// `{ <floor>: { <other floor>: '(?!<file>$)' } }`, with its reason beside it.
const EXCEPTIONS = {};

/**
 * Matches a relative import that climbs out of the importing floor into `src/<target>` (`../api`,
 * `../../api/types`); `except`, a lookahead, leaves out named files below it.
 */
function into(target, except = '') {
  return `^(\\.\\./)+${target}(/${except}|$)`;
}

/** no-restricted-imports checks `import` and `export ... from`; this catches `import('...')` too. */
function restrict(paths, patterns) {
  return {
    'no-restricted-imports': ['error', { paths, patterns }],
    'no-restricted-syntax': [
      'error',
      ...patterns.map(({ regex, message }) => ({ selector: `ImportExpression > Literal[value=/${regex.replaceAll('/', '\\/')}/]`, message })),
      ...paths.map(({ name, message }) => ({ selector: `ImportExpression > Literal[value='${name}']`, message })),
    ],
  };
}

function floorRules(floor, allowed) {
  const may = allowed.length ? allowed.map((f) => `src/${f}`).join(', ') : 'nothing else of ours';
  const message = `src/${floor} may import ${may} (the floors are listed in eslint.config.mjs).`;
  const patterns = [...Object.keys(FLOORS), 'extension']
    .filter((other) => other !== floor && !allowed.includes(other))
    .map((other) => ({ regex: into(other, EXCEPTIONS[floor]?.[other]), message }));
  if (floor === 'shared') {
    patterns.push(
      { regex: '^\\.\\./', message },
      { regex: '^node:', message: 'src/shared runs in the webview too: no Node built-ins.' },
      // protocol.ts re-exports the panel protocols, which import messages.ts: a file of src/shared
      // importing the barrel would make a cycle.
      { regex: '^\\./protocol$', message: 'Inside src/shared, import the file that defines the name, not the protocol.ts barrel (a cycle).' },
    );
  }
  const paths = WITHOUT_VSCODE.has(floor) ? [{ name: 'vscode', message: `src/${floor} must run outside VS Code: no vscode import.` }] : [];
  return { files: [`src/${floor}/**/*.ts`], rules: restrict(paths, patterns) };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'out-*/', '.cache/', 'test-output/', 'media/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  ...Object.entries(FLOORS).map(([floor, allowed]) => floorRules(floor, allowed)),
  {
    // ARCHITECTURE.md: no source file over 400 lines; split it along its jobs before it gets there.
    files: ['src/**/*.ts', 'webview-ui/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['src/extension.ts'],
    rules: restrict([], [{ regex: '^\\./sim(/|$)', message: 'The extension never imports the simulator (src/sim is for tests and the demo).' }]),
  },
  {
    // Code inside the webviews: browser globals; it may import src/shared only.
    files: ['webview-ui/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [{ name: 'vscode', message: 'webview-ui runs in the browser; talk to the extension by message.' }],
      [
        { regex: '^(\\.\\./)+(src/(?!shared/)|test/)', message: 'webview-ui imports src/shared only.' },
        { regex: '^node:', message: 'webview-ui runs in the browser: no Node built-ins.' },
      ],
    ),
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
