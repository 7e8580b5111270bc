/**
 * One node's language runtime: its built-in functions (assembled from the modules it was created
 * with), its module table (with their prelude loaded), and how Elixir code becomes processes.
 * One per node (elixir-node.ts); pass `formatCrash` (format-error.ts) to the runtime's
 * createNode so crash reports print Elixir's text.
 */
import { atom, Tuple, type Atom, type Term } from '../term/types.ts';
import type { Logger, LogLevel } from '../ports.ts';
import type { ProcessApi, SpawnOptions } from '../runtime/process-api.ts';
import type { ProcessBody, RunResult } from '../runtime/process-body.ts';
import { Builtins, type Bif, type BuiltinModule, type LangNode } from './builtins.ts';
import { Machine, type MachineResult, type VmNode } from './vm.ts';
import { ModuleRegistry } from './modules.ts';
import type { StructInfo } from './structs.ts';
import { FnCode, Instr, OP_CALL_REMOTE, type RemoteSite } from './vm-code.ts';
import { compilePrelude, type PreludeCache } from './prelude-cache.ts';
import { userExceptionModule } from './user-exception.ts';

const NORMAL = atom('normal');
const CRASH_TEXT = atom('Elixir.Kernel.CrashText');
const WITH_MESSAGE = atom('with_message');
/** How long a dying process's message/1 may run for its report. */
const REPORT_REDUCTIONS = 200_000;
const NOCATCH = atom('nocatch');

/**
 * A process running Elixir code: adapts the Machine to the scheduler's ProcessBody. A process
 * dying of a user exception with its own `message/1` first runs it (Kernel.CrashText, in this
 * process, as its last act), so its crash report prints that text as Elixir's logger does; a
 * message/1 that waits or runs past REPORT_REDUCTIONS is given up and the struct printed as is.
 */
export class VmBody implements ProcessBody {
  private report: { readonly r: MachineResult & { type: 'error' }; readonly machine: Machine; spent: number } | null = null;
  constructor(
    readonly machine: Machine,
    private readonly lang?: LangRuntime,
  ) {}
  run(proc: ProcessApi, budget: number): RunResult {
    if (this.report !== null) return this.runReport(proc, budget);
    const r = this.machine.run(proc, budget);
    if (r.type === 'error' && r.kind === 'error' && this.lang !== undefined && this.lang.functionExported(CRASH_TEXT, WITH_MESSAGE, 1)
      && userExceptionModule(r.reason, this.lang) !== null) {
      this.report = { r, machine: callMachine(this.lang, CRASH_TEXT, WITH_MESSAGE, [r.reason]), spent: 0 };
      return { type: 'yield', reductions: r.reductions };
    }
    return toRunResult(r);
  }
  private runReport(proc: ProcessApi, budget: number): RunResult {
    const rep = this.report as NonNullable<VmBody['report']>;
    const w = rep.machine.run(proc, budget);
    rep.spent += w.reductions;
    if (w.type === 'yield' && rep.spent < REPORT_REDUCTIONS) return w;
    const shown = w.type === 'done' ? w.value : rep.r.reason;
    const exit = exitFor(rep.r);
    return exit.type === 'exit' && exit.crash !== undefined ? { ...exit, reductions: w.reductions, crash: { ...exit.crash, value: shown } } : exit;
  }
  interrupt(): void {
    this.machine.interrupt();
  }
  currentFunction(): readonly [string, string, number] {
    const f = this.machine.currentFunction();
    // A server waiting for its next message is in OTP's gen_server:loop/7 on BEAM; ours is
    // GenServer's own loop/5 (otp/gen-server.ts), shown under the name iex shows.
    return f[0] === 'Elixir.GenServer' && f[1] === 'loop' && f[2] === 5 ? GEN_SERVER_LOOP : f;
  }
  currentStacktrace(): Term {
    return this.machine.currentStacktrace();
  }
}

const GEN_SERVER_LOOP = ['gen_server', 'loop', 7] as const;

/** The exit a machine result means for its process (normal end, or the crash and its reason). */
export function toRunResult(r: MachineResult): RunResult {
  switch (r.type) {
    case 'yield':
    case 'wait':
      return r;
    case 'done':
      return { type: 'exit', reductions: r.reductions, reason: NORMAL };
    case 'error':
      return exitFor(r);
  }
}

function exitFor(r: MachineResult & { type: 'error' }): RunResult {
  if (r.kind === 'exit') return { type: 'exit', reductions: r.reductions, reason: r.reason };
  const value = r.kind === 'throw' ? tuple(NOCATCH, r.reason) : r.reason;
  return {
    type: 'exit',
    reductions: r.reductions,
    reason: tuple(value, r.stack),
    crash: { kind: r.kind, value: r.reason, stacktrace: r.stack },
  };
}

function tuple(a: Term, b: Term): Term {
  return new Tuple([a, b]);
}

export interface LangRuntimeOptions {
  /** The built-in modules this node has (e.g. standardModules, plus the shell's, distribution's). */
  readonly modules: readonly BuiltinModule[];
  readonly logger?: Logger;
  /** Where OTP's reports (GenServer crashes) are logged: the runtime node's console log. */
  readonly log?: (level: LogLevel, text: string) => void;
  /** How this node numbers other nodes in printed PIDs; default 0 for all (a lone node). */
  readonly nodeNumber?: (node: Atom) => number;
  /** The node numbered n (for `pid/3`); default: none (a lone node). */
  readonly nodeAt?: (n: number) => { node: Atom; creation: number } | undefined;
  /** Compiled prelude shared with the other nodes of a composition root (prelude-cache.ts). */
  readonly preludeCache?: PreludeCache;
}

export class LangRuntime implements VmNode {
  readonly builtins: Builtins;
  readonly modules: ModuleRegistry;
  readonly logger: Logger | undefined;
  readonly nodeNumber: (node: Atom) => number;
  /** The node numbered n in this node's table (a lone node knows none but itself). */
  readonly nodeAt: (n: number) => { node: Atom; creation: number } | undefined;

  private readonly logTo: (level: LogLevel, text: string) => void;

  constructor(options: LangRuntimeOptions) {
    this.logTo = options.log ?? ((level, text) => this.logger?.log(level, text));
    this.builtins = new Builtins(options.modules);
    this.modules = new ModuleRegistry(this.builtins);
    this.logger = options.logger;
    this.nodeNumber = options.nodeNumber ?? (() => 0);
    this.nodeAt = options.nodeAt ?? (() => undefined);
    loadPrelude(this, options.preludeCache);
  }

  structOf(module: Term): StructInfo | undefined {
    return this.modules.structOf(module);
  }

  log(level: LogLevel, text: string): void {
    this.logTo(level, text);
  }

  moduleLoaded(module: Atom): boolean {
    return this.modules.isLoaded(module);
  }

  functionExported(module: Atom, name: Atom, arity: number): boolean {
    return this.modules.find(module, name, arity) !== undefined;
  }

  bif(module: string, name: string, arity: number): Bif | undefined {
    return this.builtins.lookup(module, name, arity);
  }

  /** A fresh machine for a process of this node. */
  machine(): Machine {
    return new Machine(this);
  }

  spawn(
    proc: ProcessApi,
    what: { fun: Term } | { module: Atom; name: Atom; args: readonly Term[] },
    options: Pick<SpawnOptions, 'link' | 'monitor' | 'maxHeap'> = {},
  ): { pid: Term; monitorRef?: Term } {
    const { body, initialCall } = this.body(what);
    const r = proc.spawn(body, { ...options, initialCall });
    return r.monitorRef === undefined ? { pid: r.pid } : { pid: r.pid, monitorRef: r.monitorRef };
  }

  /**
   * A process body running `fun.(args)` or `module.name(args)`, not yet spawned: for spawns
   * that arrive from another node (SPAWN_REQUEST), which the distribution layer starts itself.
   */
  body(what: { fun: Term; args?: readonly Term[] } | { module: Atom; name: Atom; args: readonly Term[] }): {
    body: ProcessBody;
    initialCall: readonly [string, string, number];
  } {
    const m = new Machine(this);
    if ('fun' in what) {
      m.startFun(what.fun, what.args ?? []);
      return { body: new VmBody(m, this), initialCall: ['erlang', 'apply', 2] };
    }
    m.start(mfaShim(what.module, what.name, what.args.length), what.args);
    return { body: new VmBody(m, this), initialCall: [what.module.name, what.name.name, what.args.length] };
  }
}

/** A machine that will run `module.name(args)` and finish with its value (the shell's follow-up calls). */
export function callMachine(rt: LangRuntime, module: Atom, name: Atom, args: readonly Term[]): Machine {
  const m = rt.machine();
  m.start(mfaShim(module, name, args.length), args);
  return m;
}

/** Code that tail-calls `module.name/arity` with its arguments: resolution happens in the child. */
function mfaShim(module: Atom, name: Atom, arity: number): FnCode {
  const code = new FnCode(module.name, name.name, arity);
  code.nslots = arity;
  const i = new Instr(OP_CALL_REMOTE, null);
  i.c = 1;
  const site: RemoteSite = { module, modEv: null, imports: false, name, arity, cacheGen: -1, cacheModule: null, cacheFn: null, cacheBif: null };
  i.x = site;
  i.evs = Array.from({ length: arity }, (_, k) => (r: Term[], b: number) => r[b + k] as Term);
  code.instrs.push(i);
  return code;
}

/** Compiles (or takes from the cache) and runs each module's prelude: it defines modules. */
function loadPrelude(rt: LangRuntime, cache: PreludeCache | undefined): void {
  for (const p of rt.builtins.preludes()) {
    const code = cache === undefined ? compilePrelude(p.name, p.source, rt.builtins) : cache.code(p.name, p.source, rt.builtins);
    const m = new Machine(rt);
    m.start(code, []);
    const r = m.run(NO_PROCESS, Infinity);
    if (r.type !== 'done') throw new Error(`prelude did not load: ${r.type === 'error' ? String(r.reason) : r.type}`);
  }
  rt.modules.sealStandard();
}

/** Prelude module bodies only define modules: any process operation is a bug. */
const NO_PROCESS = new Proxy({} as ProcessApi, {
  get(_t, prop) {
    throw new Error(`prelude code used process API ${String(prop)}`);
  },
});

export type { LangNode };
