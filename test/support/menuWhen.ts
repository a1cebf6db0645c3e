// A tree menu entry's `when` clause evaluated against a row's contextValue the way VS Code does, for
// the `view == x && viewItem =~ /re/` conjunctions our entries use. No vscode: the unit tests of the
// menus and the integration tests' support both use it.
import * as assert from 'node:assert/strict';

export function matchesWhen(when: string, viewItem: string): boolean {
  return when.split('&&').every((clause) => {
    const c = clause.trim();
    if (c === 'view == hcloud.projects') return true;
    const m = /^viewItem =~ \/(.*)\/$/.exec(c);
    assert.ok(m, `unexpected clause "${c}"`);
    return new RegExp(m[1]).test(viewItem);
  });
}
