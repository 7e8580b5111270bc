/** Test set-up: a node with the language runtime, and running Elixir source in a process. */
import { expect } from 'vitest';
import { CONTEXT_REDS } from '../runtime/node-runtime.ts';
import { REDS_PER_STEP } from './stdlib/walk.ts';
import { SeededRandom, SimulatedClock, type Clock, type LogLevel } from '../ports.ts';
import type { Pid, Term } from '../term/types.ts';
import type { ModuleView } from './undefined-function.ts';
import { inspect } from '../term/inspect.ts';
import { createNode, type Node } from '../runtime/node.ts';
import { advanceAndRun } from '../runtime/testing.ts';
import type { ProcessApi } from '../runtime/process-api.ts';
import { parse } from './parser.ts';
import { compileShellExpr, readBindings } from './program.ts';
import { LangRuntime, toRunResult } from './vm-node.ts';
import type { Machine, MachineResult } from './vm.ts';
import { formatCrash, formatError } from './format-error.ts';
import { exceptionMessage, moduleName, normalizeException } from './exceptions.ts';
import type { BuiltinModule } from './builtins.ts';
import { PreludeCache } from './prelude-cache.ts';
import { standardModules } from './standard-modules.ts';

/** The tests' composition root: their nodes share compiled prelude code. */
const preludeCache = new PreludeCache();

export interface LangTestNode {
  readonly node: Node;
  readonly rt: LangRuntime;
  readonly clock: SimulatedClock;
  readonly out: string[];
}

export function langNode(modules: readonly BuiltinModule[] = standardModules, o: { logReports?: boolean; wallClock?: Clock } = {}): LangTestNode {
  const clock = new SimulatedClock();
  const out: string[] = [];
  // Crash reports word an UndefinedFunctionError with the node's module table, as elixir-node.ts does.
  const holder: { rt?: LangRuntime } = {};
  // wallClock: a Unix time for :erlang.system_time and utc_now; by default the simulated clock.
  const wall = o.wallClock === undefined ? {} : { wallClock: o.wallClock };
  const node = createNode({ clock, random: new SeededRandom(7), stdout: (t) => out.push(t), formatCrash: (c) => formatCrash(c, holder.rt?.modules), formatTime: () => 'TIME', ...wall });
  // logReports: OTP's reports (GenServer terminating...) go to `out` too, as a node's console shows them.
  const log = o.logReports === true ? { log: (level: LogLevel, text: string) => node.log(level, text) } : {};
  const rt = (holder.rt = new LangRuntime({ modules, preludeCache, ...log }));
  return { node, rt, clock, out };
}

export interface Evaluation {
  result: MachineResult | null;
  machine: Machine;
  proc: ProcessApi | null;
  bindings: Map<string, Term>;
}

/** Starts `src` in a new process of `t.node` (does not run the scheduler). */
export function spawnEval(t: LangTestNode, src: string, bindings: Map<string, Term> = new Map()): Evaluation {
  const ast = parse(src);
  if (!ast.ok) throw new Error(`parse error: ${ast.error.message} at ${ast.error.line}:${ast.error.column}`);
  const names = [...bindings.keys()];
  const shell = compileShellExpr(ast.expr, names, t.rt.builtins);
  const machine = t.rt.machine();
  machine.start(shell.code, names.map((n) => bindings.get(n) as Term));
  const ev: Evaluation = { result: null, machine, proc: null, bindings: new Map() };
  t.node.spawn({
    run(proc, budget) {
      ev.proc = proc;
      const r = machine.run(proc, budget);
      if (r.type === 'done') {
        ev.result = r;
        ev.bindings = readBindings(shell, machine);
      } else if (r.type === 'error') ev.result = r;
      return r.type === 'error' ? { type: 'exit', reductions: r.reductions, reason: r.reason } : toRunResult(r);
    },
  });
  return ev;
}

/** Runs `src` to completion (advancing the simulated clock up to `ms`); returns iex's text. */
export function evalText(t: LangTestNode, src: string, ms = 60_000): string {
  const ev = spawnEval(t, src);
  advanceAndRun(t.clock, ms, t.node);
  return resultText(ev, t.rt.modules);
}

/** `modules`: the node's table, for an UndefinedFunctionError's wording (without it, every module reads as not available). */
export function resultText(ev: Evaluation, modules?: ModuleView): string {
  const r = ev.result;
  if (r === null) return '<not finished>';
  if (r.type === 'done') return inspect(r.value);
  if (r.type === 'error') return formatError(r.kind, r.reason, r.stack, true, modules === undefined ? {} : { modules });
  return `<${r.type}>`;
}

/**
 * One-shot like `run`, but an error shows as `** (Module) message` only: Exception.message/1
 * without iex's blame and stack lines (how the stdlib cases were captured from `elixir -e`).
 */
export function runMessage(src: string): string {
  const t = langNode();
  const ev = spawnEval(t, src);
  advanceAndRun(t.clock, 60_000, t.node);
  const r = ev.result;
  if (r === null || r.type !== 'error' || r.kind !== 'error') return resultText(ev);
  const { module, struct } = normalizeException(r.reason, r.stack);
  return `** (${moduleName(module)}) ${exceptionMessage(struct)}`;
}

/** One-shot: a fresh node, run, inspect. */
export function run(src: string): string {
  return evalText(langNode(), src);
}

export const pidOf = (ev: Evaluation): Pid => {
  if (ev.proc === null) throw new Error('not started');
  return ev.proc.self;
};

/** Runs one slice of the node; returns the reductions each of `pids` used in it. */
export function sliceReductions(t: LangTestNode, pids: readonly Pid[]): number[] {
  const before = pids.map((p) => t.node.info(p)?.reductions ?? 0);
  t.node.runSlice();
  return pids.map((p, i) => (t.node.info(p)?.reductions ?? before[i] ?? 0) - (before[i] ?? 0));
}

/**
 * Beside `walker` (already spawned on `t`), starts a short computation and runs slices until it
 * is done (10 at most): how many slices that took, the most reductions `walker` used in one of
 * them, the short one's result, and whether `walker` is still running.
 */
export function runBeside(t: LangTestNode, walker: Evaluation): { slices: number; maxWalkerReds: number; other: string; walkerRunning: boolean } {
  const counter = spawnEval(t, 'Enum.reduce(1..200, 0, fn x, acc -> x + acc end)');
  while (walker.proc === null || counter.proc === null) t.node.runSlice(); // both start
  const pids = [pidOf(walker), pidOf(counter)];
  let slices = 0, maxWalkerReds = 0;
  while (counter.result === null && slices < 10) {
    const [w] = sliceReductions(t, pids);
    maxWalkerReds = Math.max(maxWalkerReds, w ?? 0);
    slices++;
  }
  return { slices, maxWalkerReds, other: resultText(counter), walkerRunning: walker.result === null };
}

/**
 * `walker` (spawned on `t`, with a long walk ahead) never holds the scheduler: beside it, a
 * short computation finishes within 3 slices while `walker` still runs, and no slice of
 * `walker`'s goes past a process's budget plus one step of a walk.
 */
export function expectNeverHoldsScheduler(t: LangTestNode, walker: Evaluation): void {
  const r = runBeside(t, walker);
  expect(r.maxWalkerReds).toBeLessThanOrEqual(CONTEXT_REDS + REDS_PER_STEP);
  expect(r.other).toBe('20100');
  expect(r.walkerRunning).toBe(true); // still walking, yet the other process finished
  expect(r.slices).toBeLessThanOrEqual(3);
}
