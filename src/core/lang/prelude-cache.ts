/**
 * Compiling the prelude (builtins.ts) costs ~20 ms, and tests and the classroom make many nodes
 * in one process, so nodes may share compiled prelude code. Compiled code depends on the node's
 * built-ins only through the BIFs the compiler looked up (a call to a BIF becomes a direct call
 * to that function), so it is reused exactly when the new node's built-ins resolve every one of
 * those names to the same function. Nodes whose BIFs close over their own services (the `Node`
 * functions) therefore get their own code for the preludes that call them.
 *
 * Not a global: the composition root that makes the nodes makes one cache and passes it to each
 * (e.g. a Classroom). Code is immutable apart from its inline caches, which are checked against
 * the running node (vm-code.ts). One entry per source text, the latest, so memory stays bounded
 * however many nodes are made.
 */
import type { Bif, BifResolver } from './builtins.ts';
import { parse } from './parser.ts';
import { compileProgram } from './program.ts';
import type { FnCode } from './vm-code.ts';

interface Lookup {
  readonly module: string;
  readonly name: string;
  readonly arity: number;
  readonly bif: Bif | undefined;
}

interface Compiled {
  readonly code: FnCode;
  /** Every BIF lookup the compiler made, with its answer. */
  readonly lookups: readonly Lookup[];
}

export class PreludeCache {
  private readonly entries = new Map<string, Compiled>();

  /** `source` compiled against `bifs`, reusing earlier code when the same BIFs resolve. */
  code(name: string, source: string, bifs: BifResolver): FnCode {
    const hit = this.entries.get(source);
    if (hit !== undefined && hit.lookups.every((l) => bifs.lookup(l.module, l.name, l.arity) === l.bif)) return hit.code;
    const lookups: Lookup[] = [];
    const recording: BifResolver = {
      lookup(module, fn, arity) {
        const bif = bifs.lookup(module, fn, arity);
        lookups.push({ module, name: fn, arity, bif });
        return bif;
      },
    };
    const code = compilePrelude(name, source, recording);
    this.entries.set(source, { code, lookups });
    return code;
  }
}

/** Compiles one prelude source for a node with built-ins `bifs`; a bad source is a bug here. */
export function compilePrelude(name: string, source: string, bifs: BifResolver): FnCode {
  const ast = parse(source);
  if (!ast.ok) throw new Error(`prelude ${name}: ${ast.error.line}:${ast.error.column}: ${ast.error.message}`);
  return compileProgram(ast.expr, bifs, `prelude:${name}`);
}
