import assert from 'node:assert/strict';
import { namesInResult, SeenNames, SEEN_NAMES_LIMIT } from '../../../src/projects/seenNames';
import { ActionLogNames } from '../../../src/webview/actionLog/names';

describe('SeenNames (names of resources for the action log, also after a delete)', () => {
  it('keeps names per project, type and id; the newest wins; the oldest go beyond the limit', () => {
    const seen = new SeenNames();
    seen.remember('p1', 'server', 50, 'web-3');
    seen.remember('p1', 'server', 50, undefined);
    seen.remember('p1', 'volume', 50, 'data');
    assert.equal(seen.get('p1', 'server', 50), 'web-3', 'an unknown name does not erase a known one');
    assert.equal(seen.get('p1', 'volume', 50), 'data');
    assert.equal(seen.get('p2', 'server', 50), undefined);
    seen.remember('p1', 'server', 50, 'web-3b');
    assert.equal(seen.get('p1', 'server', 50), 'web-3b');
    for (let i = 0; i < SEEN_NAMES_LIMIT; i++) seen.remember('p1', 'image', i, `img-${i}`);
    assert.equal(seen.get('p1', 'volume', 50), undefined, 'the oldest went');
    assert.equal(seen.get('p1', 'image', SEEN_NAMES_LIMIT - 1), `img-${SEEN_NAMES_LIMIT - 1}`);
    seen.forgetProject('p1');
    assert.equal(seen.get('p1', 'image', 1), undefined);
  });

  it('namesInResult: only a property named after the resource type, with the same id and a name', () => {
    const result = { server: { id: 50, name: 'web-3' }, floatingIp: { id: 7, name: 'edge' }, volume: { id: 9, name: 'other' }, action: { id: 1 } };
    assert.deepEqual(namesInResult(result, [{ type: 'server', id: 50 }, { type: 'floating_ip', id: 7 }, { type: 'volume', id: 10 }, { type: 'image', id: 1 }]), [
      { type: 'server', id: 50, name: 'web-3' },
      { type: 'floating_ip', id: 7, name: 'edge' },
    ]);
    assert.deepEqual(namesInResult(true, [{ type: 'server', id: 50 }]), []);
    assert.deepEqual(namesInResult({ server: { id: 50, name: '' } }, [{ type: 'server', id: 50 }]), []);
  });

  it('the action log names a resource it has seen: `Server "web-3"`, with `(deleted)` once a lookup did not find it; `#id` when never seen', () => {
    const seen = new SeenNames();
    seen.remember('p1', 'server', 50, 'web-3');
    const names = new ActionLogNames(() => undefined, undefined, (p, t, id) => seen.get(p, t, id));
    let gone = false;
    const ctx = { projectId: 'p1', gone: () => gone };
    assert.equal(names.resource(ctx, 'server', 50), 'Server "web-3"');
    gone = true;
    assert.equal(names.resource(ctx, 'server', 50), 'Server "web-3" (deleted)');
    assert.equal(names.resource(ctx, 'server', 51), 'Server #51');
    const inTree = new ActionLogNames(() => 'web-3-renamed', undefined, (p, t, id) => seen.get(p, t, id));
    assert.equal(inTree.resource({ projectId: 'p1' }, 'server', 50), 'Server "web-3-renamed"', 'the tree\'s name comes first');
  });
});
