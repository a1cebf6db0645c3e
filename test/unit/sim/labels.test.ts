import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  labelKeyProblem,
  labelsProblems,
  labelValueProblem,
  matchesLabelSelector,
  parseLabelSelector,
  type SelectorExpression,
} from '../../../src/api/labels';

function parsed(text: string): SelectorExpression[] {
  const result = parseLabelSelector(text);
  if ('error' in result) throw new Error(`unexpected error for ${JSON.stringify(text)}: ${result.error}`);
  return result.expressions;
}

describe('labels: keys and values', () => {
  it('accepts plain and prefixed keys', () => {
    for (const key of ['env', 'a', 'tier.web_1-x', 'example.com/team', 'a-b.c/d', '9', 'A'.repeat(63)]) {
      assert.equal(labelKeyProblem(key), undefined, key);
    }
  });

  it('refuses bad names, bad prefixes, the reserved prefix and names over 63 characters', () => {
    const bad: Record<string, RegExp> = {
      '': /empty/,
      '-env': /begin and end/,
      'env-': /begin and end/,
      'e nv': /letters, digits/,
      ['a'.repeat(64)]: /63/,
      '/name': /prefix/,
      'example.com/': /name after the prefix/,
      'Example.com/x': /DNS subdomain/,
      'exa_mple.com/x': /DNS subdomain/,
      'a/b/c': /name after the prefix/,
      [`${'a'.repeat(250)}.com/x`]: /253/,
      'hetzner.cloud/managed': /reserved/,
    };
    for (const [key, expected] of Object.entries(bad)) {
      assert.match(labelKeyProblem(key) ?? 'accepted', expected, JSON.stringify(key));
    }
  });

  it('accepts the empty value and refuses values the name rule refuses', () => {
    assert.equal(labelValueProblem(''), undefined);
    assert.equal(labelValueProblem('production'), undefined);
    assert.match(labelValueProblem('v'.repeat(64)) ?? '', /63/);
    assert.match(labelValueProblem('a b') ?? '', /letters/);
    assert.match(labelValueProblem('.x') ?? '', /begin and end/);
  });

  it('lists one problem per bad key or value, naming the key', () => {
    const problems = labelsProblems({ env: 'ok', 'hetzner.cloud/x': '1', tier: 'bad value' });
    assert.deepEqual(
      problems.map((p) => p.key),
      ['hetzner.cloud/x', 'tier'],
    );
    assert.ok(problems.every((p) => p.message.includes(p.key)));
    assert.deepEqual(labelsProblems({}), []);
  });
});

describe('labels: selectors', () => {
  it('parses every operator, with and without spaces', () => {
    assert.deepEqual(parsed('env=production, tier == web ,team!=ops,ci,!legacy'), [
      { key: 'env', op: 'eq', values: ['production'] },
      { key: 'tier', op: 'eq', values: ['web'] },
      { key: 'team', op: 'neq', values: ['ops'] },
      { key: 'ci', op: 'exists', values: [] },
      { key: 'legacy', op: 'absent', values: [] },
    ]);
    assert.deepEqual(parsed('env in (production, staging),tier notin(db)'), [
      { key: 'env', op: 'in', values: ['production', 'staging'] },
      { key: 'tier', op: 'notin', values: ['db'] },
    ]);
    assert.deepEqual(parsed('example.com/team=web'), [{ key: 'example.com/team', op: 'eq', values: ['web'] }]);
    assert.deepEqual(parsed('env='), [{ key: 'env', op: 'eq', values: [''] }]);
    assert.deepEqual(parsed('  '), []);
  });

  it('refuses bad syntax with a message', () => {
    for (const text of ['env=a b', 'env=a=b', ',', 'env,', 'env in (a,b', 'env in ()', 'env in (a,,b)', 'e nv', '-x=1', 'env in (a)(b)', '!', 'a=(b)', 'x===y']) {
      const result = parseLabelSelector(text);
      assert.ok('error' in result, `${JSON.stringify(text)} was accepted`);
      assert.ok(result.error.length > 0);
    }
  });

  it('matches as the documentation says (and over every expression)', () => {
    const web = { env: 'production', tier: 'web' };
    const db = { env: 'production', tier: 'db' };
    const bare = {};
    const select = (text: string) => [web, db, bare].filter((labels) => matchesLabelSelector(labels, parsed(text)));
    assert.deepEqual(select('env=production,tier!=db'), [web]);
    assert.deepEqual(select('tier!=db'), [web, bare]);
    assert.deepEqual(select('tier'), [web, db]);
    assert.deepEqual(select('!tier'), [bare]);
    assert.deepEqual(select('tier in (db, cache)'), [db]);
    assert.deepEqual(select('tier notin (db)'), [web, bare]);
    assert.deepEqual(select(''), [web, db, bare]);
    assert.equal(matchesLabelSelector({ constructor: 'x' }, parsed('constructor=x')), true);
    assert.equal(matchesLabelSelector({}, parsed('constructor')), false);
  });

  // Properties over generated labels: hostile text never throws, and a selector built from a label set selects it.
  const name = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9._-]{0,20}[a-zA-Z0-9])?$/);
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseLabelSelector(text);
        assert.ok('error' in result || Array.isArray(result.expressions));
        labelKeyProblem(text);
        labelValueProblem(text);
      }),
    );
  });

  it('a valid label set is accepted, and selects itself by equality and by key', () => {
    fc.assert(
      fc.property(fc.dictionary(name, fc.oneof(name, fc.constant(''))), (labels) => {
        assert.deepEqual(labelsProblems(labels), []);
        const entries = Object.entries(labels);
        const text = entries.map(([k, v]) => (v === '' ? k : `${k} = ${v}`)).join(' , ');
        assert.equal(matchesLabelSelector(labels, parsed(text)), true);
        for (const [k, v] of entries) {
          assert.equal(matchesLabelSelector(labels, parsed(`${k}!=${v}`)), false);
          assert.equal(matchesLabelSelector(labels, parsed(`!${k}`)), false);
          assert.equal(matchesLabelSelector(labels, parsed(`${k} notin (${v || 'x'}, zz)`)), v === '');
        }
      }),
    );
  });
});
