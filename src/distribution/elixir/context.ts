/**
 * The services a node's distribution built-ins reach beyond their process: the node's runtime,
 * its distribution (null until the node is alive) and its `:global` name server. The node's
 * composition (playground/node.ts) makes them when it creates the node and passes them to
 * distributionModules (modules.ts), whose BIFs close over them: nothing looks them up.
 */
import type { Node } from '../../core/runtime/node.ts';
import type { Distribution } from '../dist-types.ts';
import type { GlobalServer } from '../global/server.ts';

/**
 * What the name server (EPMD's role: our signalling server, or the terminal's in-process
 * network) knows: the full names (`one@host`) of the nodes registered with it.
 */
export type NameServer = (done: (r: { readonly ok: readonly string[] } | { readonly error: string }) => void) => void;

export interface NodeServices {
  readonly node: Node;
  /** The node's name server once it is alive (`:net_adm.names`), else null. */
  nameServer?(): NameServer | null;
  /** The node's distribution once it is alive, else null (BIFs then answer as a lone node). */
  dist(): Distribution | null;
  readonly global: GlobalServer;
}
