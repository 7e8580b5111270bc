/**
 * The shell's language: Elixir on our VM. Parses what was typed, compiles it with the shell's
 * bindings, and runs it as a task inside the shell process; keeps the bindings and the result
 * history (for `v/1`) between expressions. Errors print as iex prints them.
 */
import { atom, list, type Atom, type Binary, type MapTerm, type Pid, type Term } from '../term/types.ts';
import { customStructs, INSPECT_CUSTOM, INSPECT_RENDER, SHELL_INSPECT_OPTS } from '../lang/stdlib/inspect-protocol.ts';
import { inspectPretty } from '../term/inspect.ts';
import type { ProcessApi } from '../runtime/process-api.ts';
import { parse } from '../lang/parser.ts';
import { syntaxSnippet } from '../lang/parser-errors.ts';
import { compileShellExpr, readBindings } from '../lang/program.ts';
import { blameTrace, formatStacktraceEntry, pruneForPrompt } from '../lang/stacktrace-format.ts';
import { formatError, formatExit } from '../lang/format-error.ts';
import { structFieldsOf } from '../lang/structs.ts';
import { ElixirThrow } from '../lang/errors.ts';
import { CompileError } from '../lang/env.ts';
import { expandDirectives, NO_DIRECTIVES, registryKnowledge } from '../lang/directives.ts';
import { callMachine, type LangRuntime } from '../lang/vm-node.ts';
import type { Machine, MachineResult } from '../lang/vm.ts';
import { userExceptionModule } from '../lang/user-exception.ts';
import { mapPut } from '../term/map.ts';
import type { SyntaxErrorInfo } from '../lang/ast.ts';
import type { EvalStep, EvalTask, ParseOutcome, ShellLanguage } from './evaluator.ts';
import { registerShell, type ShellState } from './helpers.ts';
import { bareVariableWarning, printingFirst, redefinitionWarnings } from './compile-warnings.ts';

/** `#iex:break` on a line of its own abandons an incomplete expression, as in iex. */
const BREAK = '#iex:break';

export interface ElixirLanguageOptions {
  /** Called by `respawn()` and `clear`. */
  readonly respawn: () => void;
  readonly clear?: () => void;
  readonly inspect?: (t: Term) => string;
}

export function createElixirLanguage(lang: LangRuntime, options: ElixirLanguageOptions): ShellLanguage {
  const show = options.inspect ?? ((t: Term) => inspectPretty(t, 80));
  const state: ShellState = {
    bindings: new Map(),
    history: [],
    lexical: NO_DIRECTIVES,
    respawn: options.respawn,
    clear: options.clear ?? (() => {}),
  };

  return {
    prepare(source, counter): ParseOutcome {
      const lines = source.split('\n');
      if (lines[lines.length - 1]?.trim() === BREAK) {
        return { type: 'error', text: `** (TokenMissingError) iex:${counter}: incomplete expression\n` };
      }
      const parsed = parse(source);
      if (!parsed.ok) {
        if (parsed.error.incomplete) return { type: 'incomplete' };
        return { type: 'error', text: syntaxErrorText(parsed.error, lines, counter) };
      }
      const names = [...state.bindings.keys()];
      const warnings = redefinitionWarnings(parsed.expr, counter, (m) => lang.modules.get(m) !== undefined);
      const expr = warnings === '' ? parsed.expr : printingFirst(parsed.expr, warnings);
      let shell;
      let lexical;
      try {
        const expanded = expandDirectives(expr, state.lexical, registryKnowledge(lang.modules));
        lexical = expanded.env;
        shell = compileShellExpr(expanded.expr, names, lang.builtins, 'expr', { file: 'iex', line0: counter - 1 });
      } catch (e) {
        if (e instanceof ElixirThrow) return { type: 'error', text: `${formatError(e.kind, e.reason)}\n` };
        if (e instanceof CompileError) {
          const stack = e.stack.length === 0 ? '\n' : `\n${e.stack.join('\n')}`;
          return { type: 'error', text: `** (CompileError) iex:${counter + e.pos.line - 1}: ${e.message}${stack}` };
        }
        // A construct the compiler does not handle: say so in Elixir's words, keep the shell.
        return { type: 'error', text: `** (CompileError) iex:${counter}: ${e instanceof Error ? e.message : String(e)}\n` };
      }
      const compiled = shell;
      return {
        type: 'complete',
        task: (proc: ProcessApi): EvalTask => {
          registerShell(proc.self as Pid, state);
          const machine = lang.machine();
          machine.bottom = 'evaluator';
          machine.start(
            compiled.code,
            names.map((n) => state.bindings.get(n) as Term),
          );
          // Elixir code run after the expression, for its printing: a user exception's message/1,
          // or the Inspect implementations of structs in the result. `done` gets its text (null if it failed).
          let followUp: { machine: Machine; done: (text: Binary | null, reductions: number) => EvalStep } | null = null;
          const raised = (r: Extract<MachineResult, { type: 'error' }>, reductions: number, message: Term | null): EvalStep => {
            const reason = message === null ? r.reason : mapPut(r.reason as MapTerm, MESSAGE, message);
            // iex prints the stacktrace under the message; with none left after pruning
            // the evaluator's own frames, a blank line stands in its place.
            const shown = blameTrace(pruneForPrompt(r.stack), reason);
            const trace = shown.map((e) => `    ${formatStacktraceEntry(e, (m) => lang.modules.isStandard(m))}`);
            let text = formatError(r.kind, reason, r.stack, true, { structFields: structFieldsOf(lang), modules: lang.modules }, trace);
            // An unresolvable local call is found when it runs; iex reports it as a
            // compile error of the line.
            if (text.startsWith('** (CompileError) ')) {
              text = bareVariableWarning(parsed.expr, text, counter) + text.replace('** (CompileError) ', `** (CompileError) iex:${counter}: `);
            }
            const blank = shown.length > 0 ? '' : '\n';
            return { type: 'raised', reductions, text: text + blank };
          };
          return {
            interrupt: () => (followUp?.machine ?? machine).interrupt(),
            run(p, budget): EvalStep {
              if (followUp !== null) {
                const w = followUp.machine.run(p, budget);
                if (w.type === 'yield' || w.type === 'wait') return w;
                return followUp.done(w.type === 'done' && typeof w.value === 'object' && w.value.kind === 'binary' ? w.value : null, w.reductions);
              }
              const r = machine.run(p, budget);
              switch (r.type) {
                case 'yield':
                case 'wait':
                  return r;
                case 'done': {
                  state.bindings = readBindings(compiled, machine);
                  state.lexical = lexical;
                  state.history.push({ counter, value: r.value });
                  if (state.history.length > HISTORY) state.history.shift();
                  const structs = customStructs(r.value, lang);
                  if (structs.length === 0) return { type: 'value', reductions: r.reductions, value: r.value };
                  followUp = {
                    machine: callMachine(lang, INSPECT_CUSTOM, INSPECT_RENDER, [r.value, SHELL_INSPECT_OPTS, list(structs)]),
                    done: (text, reductions) => ({ type: 'value', reductions, value: r.value, ...(text === null ? {} : { text: text.text ?? '' }) }),
                  };
                  return { type: 'yield', reductions: r.reductions };
                }
                case 'error': {
                  const mod = userException(r, lang);
                  if (mod === null) return raised(r, r.reductions, null);
                  followUp = { machine: callMachine(lang, mod, MESSAGE, [r.reason]), done: (text, reductions) => raised(r, reductions, text) };
                  return { type: 'yield', reductions: r.reductions };
                }
              }
            },
          };
        },
      };
    },
    reset() {
      state.bindings = new Map();
      state.history = [];
      state.lexical = NO_DIRECTIVES;
    },
    inspect: show,
    exitText: (reason) => formatExit(reason, '\n    ', { structFields: structFieldsOf(lang), modules: lang.modules }),
  };
}

const MESSAGE = atom('message');

/** The module of an error's exception when it is the user's own with a `message/1` to run, else null. */
function userException(r: Extract<MachineResult, { type: 'error' }>, lang: LangRuntime): Atom | null {
  return r.kind === 'error' ? userExceptionModule(r.reason, lang) : null;
}

/** iex's history size (`IEx.configure(history_size: 20)`). */
const HISTORY = 20;

/**
 * Elixir 1.14's syntax error, with the line shown and a caret under the column:
 *   ** (SyntaxError) iex:2:5: unexpected token: )
 *       |
 *     2 | 1 + )
 *       |     ^
 */
function syntaxErrorText(err: SyntaxErrorInfo, lines: readonly string[], counter: number): string {
  const lineNo = counter + err.line - 1;
  return `** (${err.type}) iex:${lineNo}:${err.column}: ${err.message}\n` + syntaxSnippet(err.message, lineNo, err.column, lines[err.line - 1] ?? '');
}
