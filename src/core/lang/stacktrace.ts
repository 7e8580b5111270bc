/**
 * Stacktraces as BEAM builds them and Elixir 1.14 prints them.
 *
 * BEAM keeps no call stack for traces: when an exception is raised it walks the process stack
 * and records the raising function plus each continuation pointer it finds, skipping a pointer
 * equal to the one just recorded (a recursion's `down(n - 1)` shows once), up to
 * `backtrace_depth` entries (8 by default). The VM's frame stack (vm.ts) holds the same thing:
 * per frame its code and return pc; this file turns those into
 * `{module, function, arity, [file: 'iex', line: 3]}` entries and back into the lines iex prints
 * (`    iex:3: Foo.bar/0`, `    (elixir 1.14.0) lib/enum.ex:1658: Enum.map/2`).
 *
 * Code typed at the prompt runs in erl_eval on BEAM: its frames are erl_eval's (a run of them
 * collapses to one `:erl_eval.do_apply/7` entry here), and the shell process's stack ends in the
 * IEx evaluator's frames (EVALUATOR_FRAMES), which iex prunes when it prints an error at the
 * prompt but which `__STACKTRACE__` and `Exception.format/3` show.
 */
import { atom, list, Tuple, type Term } from '../term/types.ts';
import { mapFromPairs } from '../term/map.ts';
import type { FnCode } from './vm-code.ts';

/** erts' default `backtrace_depth`. */
export const BACKTRACE_DEPTH = 8;

const FILE = atom('file');
const LINE = atom('line');
const ERROR_INFO = atom('error_info');
const ERL_EVAL = atom('erl_eval');
const DO_APPLY = atom('do_apply');

function charlist(s: string): Term {
  return list([...s].map((c) => c.codePointAt(0) as number));
}

function location(file: string, line: number): Term {
  return list([new Tuple([FILE, charlist(file)]), new Tuple([LINE, line])]);
}

function entry(module: string, fun: string, arity: number, file: string, line: number): Tuple {
  return new Tuple([atom(module), atom(fun), arity, location(file, line)]);
}

/** erl_eval's frame for code typed at the prompt: 742 where a fun raises, 744 where it calls. */
function erlEvalEntry(line: number): Tuple {
  return entry('erl_eval', 'do_apply', 7, 'erl_eval.erl', line);
}

/**
 * The frames below the shell's own expression in the shell process (real iex 1.14 on OTP 25),
 * after the erl_eval frame of the expression.
 */
const EVALUATOR_FRAMES: readonly Tuple[] = [
  entry('elixir', 'eval_forms', 3, 'src/elixir.erl', 283),
  entry('Elixir.Module.ParallelChecker', 'verify', 1, 'lib/module/parallel_checker.ex', 100),
  entry('Elixir.IEx.Evaluator', 'eval_and_inspect', 3, 'lib/iex/evaluator.ex', 329),
  entry('Elixir.IEx.Evaluator', 'eval_and_inspect_parsed', 3, 'lib/iex/evaluator.ex', 303),
  entry('Elixir.IEx.Evaluator', 'parse_eval_inspect', 3, 'lib/iex/evaluator.ex', 292),
  entry('Elixir.IEx.Evaluator', 'loop', 1, 'lib/iex/evaluator.ex', 187),
  entry('Elixir.IEx.Evaluator', 'init', 4, 'lib/iex/evaluator.ex', 32),
  entry('proc_lib', 'init_p_do_apply', 3, 'proc_lib.erl', 240),
];
/** erl_eval's frame for a `try` typed at the prompt. */
const TRY_CLAUSES = entry('erl_eval', 'try_clauses', 10, 'erl_eval.erl', 987);

/** One frame of a machine: its code and the instruction it is at (a call, or the one that raised). */
export interface Frame {
  readonly code: FnCode;
  readonly at: number;
}

/** Where the shell's stack ends: the evaluator's frames, with a `try` of the prompt's own. */
export function evaluatorFrames(inTry: boolean): readonly Tuple[] {
  return inTry ? [TRY_CLAUSES, ...EVALUATOR_FRAMES] : EVALUATOR_FRAMES;
}

/** The file a prelude module's frames name, as Elixir's and OTP's own sources are laid out. */
export function fileOf(module: string): string {
  if (!module.startsWith('Elixir.')) return `${module}.erl`;
  const parts = module.slice('Elixir.'.length).split('.').map((p) => p.replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase());
  return `lib/${parts.join('/')}.ex`;
}

/** Modules whose functions are C BIFs on BEAM: their entries have no location (`(stdlib 4.2) :ets.lookup(:t, 1)`). */
const NATIVE_MODULES: ReadonlySet<string> = new Set(['erlang', 'ets', 'persistent_term', 'math', 'atomics', 'counters', 'erts_internal']);

/**
 * The location of a built-in function's entry (its source file, no line: ours are TypeScript);
 * BEAM's C BIFs have none (iex prints `:erlang.+(1, :a)`, `(stdlib 4.2) :ets.lookup(:nope, 1)`).
 */
export function fileLocation(module: string): Term {
  return NATIVE_MODULES.has(module) ? list([]) : list([new Tuple([FILE, charlist(fileOf(module))])]);
}

/**
 * The stacktrace of an exception: `top` (a BIF's own entry, when a BIF raised) then `frames`,
 * innermost first, then `bottom` (the evaluator's frames in the shell process); consecutive equal
 * frames once, at most BACKTRACE_DEPTH entries. `raised`: the innermost frame raised through
 * `raise` (Elixir adds `error_info: %{module: Exception}` there).
 */
export function buildStacktrace(top: Term | null, frames: readonly Frame[], bottom: readonly Tuple[], raised: boolean): Term {
  const out: Term[] = top === null ? [] : [top];
  let prev: Frame | null = null;
  for (let i = 0; i < frames.length && out.length < BACKTRACE_DEPTH; i++) {
    const f = frames[i] as Frame;
    if (prev !== null && prev.code === f.code && prev.at === f.at) continue;
    const first = i === 0;
    if (f.code.module === 'erl_eval') {
      // A run of prompt code: one erl_eval entry, as on BEAM (its calls go through do_apply).
      let j = i;
      while (j + 1 < frames.length && (frames[j + 1] as Frame).code.module === 'erl_eval') j++;
      const alone = first && top === null && j === i;
      out.push(withErrorInfo(erlEvalEntry(alone ? 742 : 744), first && top === null && raised));
      prev = frames[j] as Frame;
      i = j;
      continue;
    }
    out.push(withErrorInfo(frameEntry(f), first && top === null && raised));
    prev = f;
  }
  for (let i = 0; i < bottom.length && out.length < BACKTRACE_DEPTH; i++) out.push(bottom[i] as Tuple);
  return list(out);
}

/** `{module, function, arity, [file: ..., line: ...]}` for a frame of compiled code. */
export function frameEntry(f: Frame): Tuple {
  const { code, at } = f;
  // at -2: the function's own line (a frame that has made no call yet).
  const line = at === -2 ? (code.line === 0 ? null : code.line) : (code.instrs[at]?.pos?.line ?? null);
  const file = code.src.file ?? fileOf(code.module);
  const loc = line === null ? list([new Tuple([FILE, charlist(file)])]) : location(file, code.src.line0 + line);
  return new Tuple([atom(code.module), atom(code.name), code.arity, loc]);
}

const EXCEPTION_INFO = mapFromPairs([[atom('module'), atom('Elixir.Exception')]]);

function withErrorInfo(e: Tuple, on: boolean): Tuple {
  if (!on) return e;
  const [m, f, a, loc] = e.elements as [Term, Term, Term, Term];
  const items: Term[] = [];
  for (let l = loc; typeof l === 'object' && l.kind === 'cons'; l = l.tail) items.push(l.head);
  items.push(new Tuple([ERROR_INFO, EXCEPTION_INFO]));
  return new Tuple([m, f, a, list(items)]);
}

/** Is this entry erl_eval's `do_apply` (a frame of prompt code)? */
export function isErlEvalEntry(e: Term): boolean {
  return typeof e === 'object' && e.kind === 'tuple' && e.elements[0] === ERL_EVAL && e.elements[1] === DO_APPLY;
}

