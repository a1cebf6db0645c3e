// The one-line labels text of Edit Labels: read, written back, and checked by the API's rules.
import * as assert from 'node:assert/strict';
import { formatLabelsText, labelsTextProblem, parseLabelsText, sameLabels } from '../../../src/commands/labelsText';

describe('labels text (Edit Labels)', () => {
  it('reads key=value items; spaces do not matter; a key alone or key= has the empty value; empty text is no labels', () => {
    assert.deepEqual(parseLabelsText(' env=prod ,tier = web, canary, old='), { labels: { env: 'prod', tier: 'web', canary: '', old: '' } });
    assert.deepEqual(parseLabelsText('example.com/team=ops,'), { labels: { 'example.com/team': 'ops' } }, 'a trailing comma is forgiven');
    assert.deepEqual(parseLabelsText('   '), { labels: {} });
  });

  it('writes what it reads', () => {
    const labels = { env: 'prod', canary: '', 'example.com/team': 'ops' };
    assert.equal(formatLabelsText(labels), 'env=prod, canary, example.com/team=ops');
    assert.deepEqual(parseLabelsText(formatLabelsText(labels)), { labels });
    assert.equal(formatLabelsText({}), '');
  });

  it('refuses what the API refuses, with the reason', () => {
    const problem = (text: string) => labelsTextProblem(text) ?? '';
    assert.match(problem('bad key=x'), /Label key "bad key"/);
    assert.match(problem('env=a b'), /Label "env": the value/);
    assert.match(problem('hetzner.cloud/x=1'), /reserved/);
    assert.match(problem(`k=${'v'.repeat(64)}`), /at most 63/);
    assert.match(problem('-k=v'), /begin and end with a letter or digit/);
    assert.match(problem('a=1,a=2'), /given twice/);
    assert.match(problem('a=1,,b=2'), /empty item/);
    assert.match(problem('=v'), /key before "=" is missing/);
    assert.match(problem('a=b=c'), /Label "a": the value/);
    assert.match(problem('bad key=x, -y=1'), /\(and 1 more\)$/);
    assert.match(problem('__proto__=x'), /begin and end with a letter or digit/, 'a prototype key is refused, not swallowed');
    assert.match(problem('constructor=x, __proto__'), /__proto__/);
    assert.equal(labelsTextProblem('env=prod, tier=web'), undefined);
  });

  it('compares label sets regardless of order', () => {
    assert.equal(sameLabels({ a: '1', b: '' }, { b: '', a: '1' }), true);
    assert.equal(sameLabels({ a: '1' }, { a: '2' }), false);
    assert.equal(sameLabels({ a: '1' }, { a: '1', b: '' }), false);
    assert.equal(sameLabels({}, {}), true);
  });
});
