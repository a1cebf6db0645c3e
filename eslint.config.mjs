import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
  {
    // The client and the simulator must run outside VS Code.
    files: ['src/api/**/*.ts', 'src/sim/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/api, src/sim and src/shared must not import vscode.' }] }],
    },
  },
  {
    // Code inside the webviews: browser globals; it may import src/shared only.
    files: ['webview-ui/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'webview-ui runs in the browser; talk to the extension by message.' }],
        patterns: [{ group: ['**/src/api/**', '**/src/commands/**', '**/src/tree/**', '**/src/projects/**', '**/src/webview/**', '**/src/sim/**', 'node:*'], message: 'webview-ui imports src/shared only.' }],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
