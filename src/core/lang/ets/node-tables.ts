/**
 * The node-wide tables a node's built-ins keep: its ETS tables and its persistent terms. Made
 * once per node when it is assembled (playground/node.ts), so two nodes in one process (tests,
 * the terminal's network) never see each other's tables.
 */
import type { Node } from '../../runtime/node.ts';
import type { BuiltinModule } from '../builtins.ts';
import { etsModule } from './bifs.ts';
import { EtsStore } from './store.ts';
import { persistentTermModule } from './persistent-term.ts';

export function nodeTablesModules(node: Node): BuiltinModule[] {
  const store = new EtsStore(
    (pid) => node.processApi(pid),
    (to, message) => node.send(to, message),
  );
  return [etsModule(store), persistentTermModule()];
}
