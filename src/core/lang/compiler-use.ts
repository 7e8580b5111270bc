/**
 * `use GenServer` (and Supervisor, Agent, Task) in a module body, as Elixir 1.14's `__using__`
 * macros expand it: `@behaviour Mod`, a `child_spec/1` built from the `use` options, and the
 * behaviour's default callbacks. A default is left out when the module defines the same
 * name/arity itself (Elixir's `defoverridable`). The generated functions are written in Elixir
 * below and call the behaviour's own helpers (prelude/otp-*.ts), so what they do is in one place.
 *
 * The defaults go where the `use` stands, so the module's last definition (the
 * `{:module, Name, <<...>>, {:last, 1}}` iex prints) stays the user's own.
 */
import type { Expr, Pos } from './ast.ts';
import { parse } from './parser.ts';
import { CompileError } from './env.ts';

/** The options placeholder in the templates below. */
const OPTS = 'use_opts__';

const CHILD_SPEC = (extra: string) => `
def child_spec(init_arg) do
  Supervisor.child_spec(%{id: __MODULE__, start: {__MODULE__, :start_link, [init_arg]}${extra}}, ${OPTS})
end`;

const TEMPLATES: ReadonlyMap<string, string> = new Map([
  [
    'Elixir.GenServer',
    `${CHILD_SPEC('')}
def init(init_arg), do: {:ok, init_arg}
def handle_call(msg, from, state), do: GenServer.__default_call__(__MODULE__, msg, from, state)
def handle_info(msg, state), do: GenServer.__default_info__(__MODULE__, msg, state)
def handle_cast(msg, state), do: GenServer.__default_cast__(__MODULE__, msg, state)
def terminate(_reason, _state), do: :ok
def code_change(_old, state, _extra), do: {:ok, state}
`,
  ],
  ['Elixir.Agent', CHILD_SPEC('')],
  ['Elixir.Task', CHILD_SPEC(', restart: :temporary')],
  ['Elixir.Supervisor', CHILD_SPEC(', type: :supervisor')],
]);

/** The module's forms with each `use Mod, opts` replaced by what it defines. */
export function expandUse(forms: readonly Expr[]): readonly Expr[] {
  if (!forms.some(isUse)) return forms;
  const defined = new Set<string>();
  for (const f of forms) if (f.kind === 'def') defined.add(`${f.name}/${f.clause.params.length}`);
  return forms.flatMap((f) => (isUse(f) ? useForms(f, defined) : [f]));
}

function isUse(f: Expr): f is Expr & { kind: 'call' } {
  return f.kind === 'call' && f.name === 'use' && (f.args.length === 1 || f.args.length === 2);
}

function useForms(f: Expr & { kind: 'call' }, defined: ReadonlySet<string>): Expr[] {
  const target = f.args[0] as Expr;
  const name = target.kind === 'alias' ? (target.name.startsWith('Elixir.') ? target.name : `Elixir.${target.name}`) : null;
  const template = name === null ? undefined : TEMPLATES.get(name);
  if (name === null || template === undefined) {
    const shown = target.kind === 'alias' ? target.name.replace(/^Elixir\./, '') : target.kind === 'atom' ? `:${target.name}` : 'it';
    throw new CompileError(f.pos, `module ${shown} is not loaded and could not be found`);
  }
  const opts: Expr = f.args[1] ?? { kind: 'list', pos: f.pos, items: [], tail: null };
  const parsed = parse(template);
  if (!parsed.ok) throw new Error(`internal: use ${name}: ${parsed.error.message}`);
  const defs = (parsed.expr.kind === 'block' ? parsed.expr.exprs : [parsed.expr]).filter(
    (d) => d.kind === 'def' && !defined.has(`${d.name}/${d.clause.params.length}`),
  );
  const behaviour: Expr = { kind: 'attr_set', pos: f.pos, name: 'behaviour', value: target };
  return [behaviour, ...defs.map((d) => withOpts(d, opts, f.pos) as Expr)];
}

/** A copy of `node` at `pos` with the options placeholder replaced by the `use` options. */
function withOpts(node: unknown, opts: Expr, pos: Pos): unknown {
  if (Array.isArray(node)) return node.map((n) => withOpts(n, opts, pos));
  if (node === null || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if (o.kind === 'var' && o.name === OPTS) return opts;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = k === 'pos' ? pos : withOpts(v, opts, pos);
  return out;
}
