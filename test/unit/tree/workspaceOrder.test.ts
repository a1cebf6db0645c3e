import * as assert from 'node:assert/strict';
import {
  badFilterMessage, boundFirst, boundProject, filterProblem, unknownProjectMessage, workspaceSelector, workspaceTooltipLines,
} from '../../../src/tree/workspaceOrder';

const projects = [
  { id: 'a', name: 'staging' },
  { id: 'b', name: 'prod' },
  { id: 'c', name: 'Prod' },
  { id: 'd', name: 'prod' },
];

describe('workspace-bound project (pure rules)', () => {
  it('binds the first project of exactly that name, none when unset or unknown; the bound one is listed first, the others keep their order', () => {
    assert.equal(boundProject(projects, { project: 'prod' })?.id, 'b');
    assert.equal(boundProject(projects, { project: 'Prod' })?.id, 'c', 'the name is matched as typed');
    assert.equal(boundProject(projects, { project: 'production' }), undefined);
    assert.equal(boundProject(projects, {}), undefined);
    assert.deepEqual(boundFirst(projects, projects[2]).map((p) => p.id), ['c', 'a', 'b', 'd']);
    assert.deepEqual(boundFirst(projects, undefined).map((p) => p.id), ['a', 'b', 'c', 'd']);
    assert.deepEqual(boundFirst(projects.slice(0, 2), projects[3]).map((p) => p.id), ['a', 'b'], 'a project not among the roots changes nothing');
  });

  it('applies a valid filter unless the user set it aside; a bad one is refused with the parser\'s reason and never applied', () => {
    assert.equal(workspaceSelector({ project: 'prod', filter: 'env=prod,tier in (web,api)' }, false), 'env=prod,tier in (web,api)');
    assert.equal(workspaceSelector({ project: 'prod', filter: 'env=prod' }, true), undefined, 'cleared by the user for the session');
    assert.equal(workspaceSelector({ project: 'prod' }, false), undefined);
    for (const bad of ['env=prod,,tier', 'tier in (web', 'a b']) {
      assert.ok(filterProblem({ filter: bad }), bad);
      assert.equal(workspaceSelector({ project: 'prod', filter: bad }, false), undefined, bad);
    }
    assert.match(filterProblem({ filter: `k in (${'v,'.repeat(600)}v)` }) ?? '', /1000/);
    assert.equal(filterProblem({}), undefined);
  });

  it('says which setting and which name; the tooltip escapes what the settings hold', () => {
    assert.equal(unknownProjectMessage('prod'), 'No project named "prod" (hcloud.workspace.project). The workspace\'s settings name it; add a project of that name, or Bind Workspace to Project…');
    assert.equal(badFilterMessage('a b', 'x', 'prod'), 'hcloud.workspace.filter "a b" is not a label selector (x). Project "prod" is shown without it.');
    assert.deepEqual(workspaceTooltipLines(undefined), []);
    const lines = workspaceTooltipLines({ filterProblem: '"[x](http://evil)": not a selector expression' });
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^This workspace's project \(`hcloud\.workspace\.project`/);
    assert.ok(lines[1].includes('\\[x\\]\\(http\\:\\/\\/evil\\)'), lines[1]);
    assert.match(workspaceTooltipLines({ filter: 'env=prod' })[1], /^Label selector from `hcloud\.workspace\.filter`/);
  });
});
