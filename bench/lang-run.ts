/**
 * Running shell-language source as a process of a fresh node, for the language benchmarks:
 * compile once (as the shell does), then drive the node with runSlice as the page does.
 */
import { performance } from 'node:perf_hooks';
import { execFileSync } from 'node:child_process';
import { SeededRandom } from '../src/core/ports.ts';
import type { Term } from '../src/core/term/types.ts';
import { createNode, type Node } from '../src/core/runtime/node.ts';
import type { BuiltinModule } from '../src/core/lang/builtins.ts';
import { parse } from '../src/core/lang/parser.ts';
import { compileShellExpr } from '../src/core/lang/program.ts';
import { LangRuntime } from '../src/core/lang/vm-node.ts';
import { standardModules } from '../src/core/lang/standard-modules.ts';
import { PreludeCache } from '../src/core/lang/prelude-cache.ts';
import type { MachineResult } from '../src/core/lang/vm.ts';
import { elixirAvailable } from './beam.ts';

/** The benchmarks' nodes share their compiled prelude (compiling it is not what they measure). */
const preludeCache = new PreludeCache();

/**
 * Evaluates `src` in a process; returns its value and the wall time of the run (ms). `modules`
 * gives the node other built-ins than the standard ones (e.g. its ETS tables).
 */
export function runShellSource(src: string, modules: (node: Node) => readonly BuiltinModule[] = () => standardModules): { value: Term; ms: number } {
  const node = createNode({ clock: { now: () => performance.now() }, random: new SeededRandom(1), stdout: () => {} });
  const rt = new LangRuntime({ modules: modules(node), preludeCache });
  const ast = parse(src);
  if (!ast.ok) throw new Error(ast.error.message);
  const shell = compileShellExpr(ast.expr, [], rt.builtins);
  const m = rt.machine();
  m.start(shell.code, []);
  let result: MachineResult | null = null;
  node.spawn({
    run(proc, budget) {
      const r = m.run(proc, budget);
      if (r.type === 'done' || r.type === 'error') {
        result = r;
        return { type: 'exit', reductions: r.reductions, reason: r.type === 'done' ? r.value : r.reason };
      }
      return r;
    },
  });
  const t0 = performance.now();
  while (result === null) node.runSlice();
  const t1 = performance.now();
  const r = result as MachineResult;
  if (r.type !== 'done') throw new Error(`benchmark code failed: ${JSON.stringify(r)}`);
  return { value: r.value, ms: t1 - t0 };
}

/** Evaluates `code` with `elixir -e` (erl_eval, as iex does); returns the key=value figures. */
export function runErlEval(code: string): Record<string, number> | null {
  if (!elixirAvailable()) return null;
  const out = execFileSync('elixir', ['-e', code], { encoding: 'utf8', timeout: 600_000 });
  const line = out.trim().split('\n').filter((l) => l.includes('=')).pop() ?? '';
  const figures: Record<string, number> = {};
  for (const kv of line.split(/\s+/)) {
    const [k, v] = kv.split('=');
    if (k !== undefined && v !== undefined) figures[k] = Number(v);
  }
  return figures;
}
