/**
 * The shell's language (src/core/shell/evaluator.ts ShellLanguage) on this VM: parses what was
 * typed, compiles it against the shell's bindings, and evaluates it as slices of the shell
 * process. Bindings change only when an expression succeeds, as in iex.
 */
import type { Term } from '../term/types.ts';
import { inspectPretty, type InspectOptions } from '../term/inspect.ts';
import type { ProcessApi } from '../runtime/process-api.ts';
import type { EvalStep, EvalTask, ParseOutcome, ShellLanguage } from '../shell/evaluator.ts';
import { parse } from './parser.ts';
import { CompileError } from './env.ts';
import { compileShellExpr, readBindings } from './program.ts';
import { formatError } from './format-error.ts';
import type { LangRuntime } from './vm-node.ts';

export interface ShellLanguageOptions {
  /** Inspect options for printed results (e.g. the node's numbering of remote nodes in PIDs). */
  readonly inspect?: InspectOptions;
}

export function createShellLanguage(rt: LangRuntime, options: ShellLanguageOptions = {}): ShellLanguage {
  let bindings = new Map<string, Term>();
  return {
    prepare(source: string, counter: number): ParseOutcome {
      const ast = parse(source);
      if (!ast.ok) {
        if (ast.error.incomplete) return { type: 'incomplete' };
        const line = counter + ast.error.line - 1;
        return { type: 'error', text: `** (${ast.error.type}) iex:${line}:${ast.error.column}: ${ast.error.message}` };
      }
      const names = [...bindings.keys()];
      let shell: ReturnType<typeof compileShellExpr>;
      try {
        shell = compileShellExpr(ast.expr, names);
      } catch (e) {
        if (e instanceof CompileError) return { type: 'error', text: `** (CompileError) iex:${counter + e.pos.line - 1}: ${e.message}` };
        throw e;
      }
      const values = names.map((n) => bindings.get(n) as Term);
      return {
        type: 'complete',
        task: (_proc: ProcessApi): EvalTask => {
          const m = rt.machine();
          m.start(shell.code, values);
          return {
            run(proc: ProcessApi, budget: number): EvalStep {
              const r = m.run(proc, budget);
              switch (r.type) {
                case 'yield':
                case 'wait':
                  return r;
                case 'done':
                  bindings = readBindings(shell, m);
                  return { type: 'value', reductions: r.reductions, value: r.value };
                case 'error': {
                  let text = formatError(r.kind, r.reason, r.stack);
                  // Unresolvable local calls are compile errors in iex, with the line.
                  if (text.startsWith('** (CompileError) ')) text = text.replace('** (CompileError) ', `** (CompileError) iex:${counter}: `);
                  return { type: 'raised', reductions: r.reductions, text };
                }
              }
            },
          };
        },
      };
    },
    reset(): void {
      bindings = new Map();
    },
    inspect(value: Term): string {
      return inspectPretty(value, 80, options.inspect ?? {});
    },
  };
}
