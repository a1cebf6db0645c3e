// @vscode/test-cli's configuration (`npm run test:desktop`, or `npx vscode-test` after
// `node scripts/build.mjs --tests`): the integration suite (test/integration, transpiled to
// out/test/integration) in desktop VS Code, for contributors who have a display and the network:
// @vscode/test-electron downloads VS Code 1.100.3 (the VS Code of the code-server that `npm test`
// uses) into .vscode-test/. `npm test` runs the same suite in code-server instead
// (scripts/vscode/run-integration.mjs), which works offline.
//
// The suite starts its own simulators on loopback inside the extension host, so nothing is started
// here. Each run gets fresh folders from the harness (user data with the harness's quiet settings,
// extensions, an empty workspace); tokens go to VS Code's basic password store there, never to the
// system keychain.
import { rmSync } from 'node:fs';
import { defineConfig } from '@vscode/test-cli';
import { makeRunDirs, writeUserSettings } from './scripts/vscode/harness.mjs';

const dirs = makeRunDirs('desktop');
writeUserSettings(dirs.userData);
if (!process.env.HCLOUD_VSC_KEEP) process.on('exit', () => rmSync(dirs.root, { recursive: true, force: true }));

export default defineConfig({
  label: 'integration',
  files: 'out/test/integration/**/*.test.js',
  version: '1.100.3',
  workspaceFolder: dirs.workspace,
  launchArgs: [
    `--user-data-dir=${dirs.userData}`,
    `--extensions-dir=${dirs.extensions}`,
    '--disable-extensions',
    '--password-store=basic',
  ],
  mocha: { ui: 'bdd', timeout: 20_000 },
});
