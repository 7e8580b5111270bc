/**
 * The ClusterView global needs, read off the distribution layer: the visible nodes, and its
 * `connection:up` / `connection:down` events (a failed attempt is not a nodedown: that node was
 * never up, so it holds none of our names).
 *
 * A tab runs global from the start, named or not, but gets a Distribution only when it goes
 * alive (and a new one if it is renamed): `ClusterRelay` is a view that follows whichever
 * Distribution it is given, so the name server keeps one view for its whole life.
 */
import type { Atom } from '../../core/term/types.ts';
import type { Distribution } from '../dist-types.ts';
import type { ClusterView } from './options.ts';

export function clusterViewOf(dist: Distribution): ClusterView {
  const on = (type: 'connection:up' | 'connection:down', cb: (node: Atom) => void) => {
    const unsubscribe = dist.subscribe((e) => {
      if (e.type === type && e.hidden !== true) cb(e.peer);
    });
    return () => void unsubscribe();
  };
  return {
    nodes: () => dist.list(),
    onNodeUp: (cb) => on('connection:up', cb),
    onNodeDown: (cb) => on('connection:down', cb),
    disconnect: (node) => void dist.disconnect(node),
    preventsOverlap: () => dist.connectAll,
    syncs: () => dist.connectAll,
  };
}

export class ClusterRelay {
  private dist: Distribution | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly ups = new Set<(node: Atom) => void>();
  private readonly downs = new Set<(node: Atom) => void>();

  readonly view: ClusterView = {
    nodes: () => this.dist?.list() ?? [],
    onNodeUp: (cb) => {
      this.ups.add(cb);
      return () => void this.ups.delete(cb);
    },
    onNodeDown: (cb) => {
      this.downs.add(cb);
      return () => void this.downs.delete(cb);
    },
    disconnect: (node) => void this.dist?.disconnect(node),
    preventsOverlap: () => this.dist?.connectAll ?? false,
    syncs: () => this.dist?.connectAll ?? true,
  };

  /**
   * Follow `dist` from now on (null: not alive, no nodes). Nodes still up in the distribution
   * left behind count as down (a write waiting for one of them must not wait forever).
   */
  attach(dist: Distribution | null): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    const left = this.dist?.list() ?? [];
    for (const n of left) for (const cb of this.downs) cb(n);
    this.dist = dist;
    if (dist === null) return;
    const u = dist.subscribe((e) => {
      // :global does not run over hidden connections.
      if (e.type === 'connection:up' && e.hidden !== true) for (const cb of this.ups) cb(e.peer);
      else if (e.type === 'connection:down' && e.hidden !== true) for (const cb of this.downs) cb(e.peer);
    });
    this.unsubscribe = () => void u();
  }
}
