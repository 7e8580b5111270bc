/**
 * The ClusterView global needs, read off the distribution layer: the visible nodes, and its
 * `connection:up` / `connection:down` events (a failed attempt is not a nodedown: that node was
 * never up, so it holds none of our names).
 */
import type { Atom } from '../../core/term/types.ts';
import type { Distribution } from '../dist-types.ts';
import type { ClusterView } from './options.ts';

export function clusterViewOf(dist: Distribution): ClusterView {
  const on = (type: 'connection:up' | 'connection:down', cb: (node: Atom) => void) => {
    const unsubscribe = dist.subscribe((e) => {
      if (e.type === type) cb(e.peer);
    });
    return () => void unsubscribe();
  };
  return {
    nodes: () => dist.list(),
    onNodeUp: (cb) => on('connection:up', cb),
    onNodeDown: (cb) => on('connection:down', cb),
  };
}
