import { describe, expect, it } from 'vitest';
import { nodesFromPeerIds, ownHostFirst } from './use-known-nodes.ts';
import { peerIdForNode } from '../../distribution/peer-id.ts';

describe('the known nodes a tab lists', () => {
  it('are the node names behind the server\'s peer ids, sorted, other ids left out', () => {
    const ids = ['two@lab', 'a@zoo', 'one@lab'].map(peerIdForNode);
    expect(nodesFromPeerIds([...ids, 'not-a-node'])).toEqual(['a@zoo', 'one@lab', 'two@lab']);
  });

  it('put its own host\'s nodes first, so another class joining does not move its rows', () => {
    const all = ['a@zoo', 'one@lab', 'two@lab', 'zed@lab2'];
    expect(ownHostFirst(all, 'one@lab')).toEqual(['one@lab', 'two@lab', 'a@zoo', 'zed@lab2']);
    // `@lab` is not `@lab2`'s host.
    expect(ownHostFirst(all, 'zed@lab2')).toEqual(['zed@lab2', 'a@zoo', 'one@lab', 'two@lab']);
    // An unnamed tab, or a host alone on the server: the sorted list as it is.
    expect(ownHostFirst(all, null)).toEqual(all);
    expect(ownHostFirst(['one@lab', 'two@lab'], 'one@lab')).toEqual(['one@lab', 'two@lab']);
  });
});
