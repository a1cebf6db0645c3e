import * as assert from 'node:assert/strict';
import type { Action } from '../../../src/api/types';
import { ActionFeed, type ActionFeedEvent } from '../../../src/projects/actionFeed';

const action = (id: number, status: Action['status']): Action => ({ id, command: 'start_server', status, progress: 0, started: new Date(0), resources: [] });

describe('ActionFeed', () => {
  it('tells listeners what started, progressed and was released; follows running ones per project', () => {
    const feed = new ActionFeed();
    const seen: ActionFeedEvent[] = [];
    const sub = feed.onDidChange((e) => seen.push(e));
    feed.onDidChange(() => {
      throw new Error('a failing listener does not stop the others');
    });
    feed.started('p', [action(1, 'running'), action(2, 'success')]);
    assert.equal(feed.isFollowed('p', 1), true);
    assert.equal(feed.isFollowed('p', 2), false, 'already finished');
    assert.equal(feed.isFollowed('q', 1), false, 'another project');
    feed.updated('p', [action(1, 'running')]);
    feed.released('p', [1], [action(1, 'success')]);
    assert.equal(feed.isFollowed('p', 1), false);
    assert.deepEqual(seen.map((e) => [e.projectId, e.actions.map((a) => `${a.id}:${a.status}`), e.released]), [
      ['p', ['1:running', '2:success'], []],
      ['p', ['1:running'], []],
      ['p', ['1:success'], [1]],
    ]);
    sub.dispose();
    feed.started('p', [action(3, 'running')]);
    assert.equal(seen.length, 3);
  });
});
