/**
 * The services a node's built-in functions reach beyond their process: its distribution (null
 * until the node is alive) and its `:global` name server. Built-ins are shared by all nodes
 * and get only their node's language runtime (`ctx.node`), so each node's services are filed
 * under that runtime.
 */
import type { LangNode } from '../../core/lang/builtins.ts';
import type { Node } from '../../core/runtime/node.ts';
import type { Distribution } from '../dist-types.ts';
import type { GlobalServer } from '../global/server.ts';

export interface NodeServices {
  readonly node: Node;
  dist: Distribution | null;
  readonly global: GlobalServer | null;
}

const byLang = new WeakMap<LangNode, NodeServices>();

export function registerServices(lang: LangNode, services: NodeServices): void {
  byLang.set(lang, services);
}

export function servicesOf(lang: LangNode): NodeServices | undefined {
  return byLang.get(lang);
}
