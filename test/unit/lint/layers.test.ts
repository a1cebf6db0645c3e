// The floors of eslint.config.mjs: for each rule, an import it forbids is reported and an import
// it allows is not. ESLint lints the text as if it were a file at that path (nothing is written).
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';

const root = join(__dirname, '../../../..');

/** `[file, import line, forbidden?]` */
const CASES: Array<[string, string, boolean]> = [
  ['src/api/x.ts', "import 'vscode';", true],
  ['src/api/x.ts', "import '../tree/node';", true],
  ['src/api/resources/x.ts', "import '../../projects/projectStore';", true],
  ['src/api/x.ts', "import '../shared/duration';", false],
  ['src/sim/x.ts', "import 'vscode';", true],
  ['src/sim/x.ts', "import '../projects/projectStore';", true],
  ['src/sim/x.ts', "import '../api/types';", false],
  ['src/shared/x.ts', "import 'vscode';", true],
  ['src/shared/x.ts', "import '../api/types';", true],
  ['src/shared/x.ts', "import 'node:fs';", true],
  ['src/shared/x.ts', "import './protocol';", true],
  ['src/shared/x.ts', "import './messages';", false],
  ['src/projects/x.ts', "import '../tree/node';", true],
  ['src/projects/x.ts', "import '../sim';", true],
  ['src/projects/x.ts', "import '../api/types';", false],
  ['src/ui/x.ts', "import '../commands/pick';", true],
  ['src/ui/x.ts', "import '../api/errors';", false],
  ['src/tree/x.ts', "import '../webview/html';", true],
  ['src/tree/x.ts', "import '../ui/userInput';", false],
  ['src/webview/x.ts', "import '../commands/pick';", true],
  ['src/webview/actionLog/x.ts', "import '../../commands';", true],
  ['src/webview/x.ts', "export const m = import('../commands/pick');", true],
  ['src/webview/x.ts', "import '../extension';", true],
  ['src/webview/x.ts', "import '../tree/node';", false],
  ['src/commands/x.ts', "export const m = import('../sim/simulator');", true],
  ['src/commands/x.ts', "import '../webview/html';", false],
  ['src/extension.ts', "import './sim/simulator';", true],
  ['src/extension.ts', "import './webview/html';", false],
  ['webview-ui/x.ts', "import '../src/api/types';", true],
  ['webview-ui/metrics/x.ts', "import '../../src/webview/html';", true],
  ['webview-ui/metrics/x.ts', "export const m = import('../../src/tree/node');", true],
  ['webview-ui/metrics/x.ts', "import 'vscode';", true],
  ['webview-ui/metrics/x.ts', "import 'node:path';", true],
  ['webview-ui/metrics/x.ts', "import '../../src/shared/metrics';", false],
];

describe('the floors (eslint.config.mjs)', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: root });

  for (const [file, line, forbidden] of CASES) {
    it(`${file}: ${line} is ${forbidden ? 'reported' : 'allowed'}`, async () => {
      const [result] = await eslint.lintText(`${line}\nexport const n = 1;\n`, { filePath: join(root, file) });
      const layerErrors = result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax');
      assert.equal(layerErrors.length > 0, forbidden, JSON.stringify(result.messages.map((m) => m.message)));
    });
  }
});
