/**
 * iex's helpers (IEx.Helpers, imported in the shell): `v/0,1`, `flush/0`, `pid/1,3`,
 * `binding/0`, `respawn/0`, `clear/0`, `h/0`. Those that need the shell's state find it by the
 * calling process: only a shell process has one.
 */
import { atom, Binary, list, NIL, Pid, tuple, type Term } from '../term/types.ts';
import type { Bif, BifContext, BuiltinModule } from '../lang/builtins.ts';
import { argumentError, ElixirThrow, raise } from '../lang/errors.ts';
import { badarg } from '../lang/stdlib/errors.ts';
import { astToTerm } from '../lang/ast-terms.ts';
import type { VmNode } from '../lang/vm.ts';
import type { LexicalEnv } from '../lang/directives.ts';

export interface ShellState {
  bindings: Map<string, Term>;
  /** Results of the last expressions, oldest first, with the counter each was typed at. */
  history: { counter: number; value: Term }[];
  /** The `alias`/`import`/`require` in force at the prompt (kept from one expression to the next, as iex's env). */
  lexical: LexicalEnv;
  respawn(): void;
  clear(): void;
}

const shells = new WeakMap<Pid, ShellState>();

export function registerShell(pid: Pid, state: ShellState): void {
  shells.set(pid, state);
}

/** What IEx.dont_display_result/0 returns: the shell prints nothing for it. */
export const DONT_DISPLAY = atom('do not show this result in output');

const HELPERS = 'Elixir.IEx.Helpers';

function shellOf(ctx: BifContext, fn: string): ShellState {
  const s = shells.get(ctx.proc.self);
  if (s === undefined) raise('RuntimeError', `${fn} can only be called from the shell`);
  return s;
}

function v(ctx: BifContext, n: number): Term {
  const { history } = shellOf(ctx, 'v/1');
  const entry = n < 0 ? history[history.length + n] : history.find((h) => h.counter === n);
  if (entry === undefined) raise('RuntimeError', `v(${n}) is out of bounds`);
  return entry.value;
}

/** iex's pid/1: `:erlang.list_to_pid('<0.1.0>')` of the text (`#PID<0.1.0>` taken too). */
function pidFromString(text: string, ctx: BifContext): Pid {
  const chars = text.startsWith('#PID<') ? `<${text.slice(5)}` : `<${text}>`;
  const m = /^<(\d+)\.(\d+)\.(\d+)>$/.exec(chars);
  if (m === null) return notAPid(chars);
  return pidOf(Number(m[1]), Number(m[2]), Number(m[3]), ctx);
}

/**
 * `pid(n, id, serial)` as BEAM's list_to_pid reads it: n is 0 for this node, else the number this
 * node gave a node it knows (the N of `#PID<N.103.0>`, see NodeTable); any other n is refused.
 */
function pidOf(a: number, b: number, c: number, ctx: BifContext): Pid {
  if (a === 0) return new Pid(ctx.proc.nodeName, b, c, ctx.proc.self.creation);
  const known = ctx.node.nodeAt(a);
  if (known === undefined) return notAPid(`<${a}.${b}.${c}>`);
  return new Pid(known.node, b, c, known.creation);
}

/** list_to_pid's badarg, with that call as the frame iex shows under the message. */
function notAPid(chars: string): never {
  try {
    return badarg(1, 'not a textual representation of a pid');
  } catch (e) {
    if (e instanceof ElixirThrow) e.top = tuple(atom('erlang'), atom('list_to_pid'), list([charlist(chars)]), NIL);
    throw e;
  }
}

function charlist(text: string): Term {
  return list([...text].map((ch) => ch.codePointAt(0) as number));
}

const HELP = [
  'IEx.Helpers (the playground supports these):',
  '  flush()      - prints all messages in the shell\'s mailbox',
  '  v(n)         - the result of expression n (v() is the last one)',
  '  pid("0.1.0") - makes a pid from a string (also pid(0, 1, 0))',
  '  binding()    - the variables bound in the shell',
  '  respawn()    - starts a new shell process',
  '  clear()      - clears the screen',
  '  nl(Module)   - loads Module on every connected node',
  '  h()          - this help',
].join('\n');

const helperBifs: Bif[] = [
  { module: HELPERS, name: 'v', arity: 0, fn: (_a, ctx) => v(ctx, -1) },
  {
    module: HELPERS,
    name: 'v',
    arity: 1,
    fn: ([n], ctx) => (typeof n === 'number' ? v(ctx, n) : raise('FunctionClauseError', 'no function clause matching in IEx.Helpers.v/1')),
  },
  {
    module: HELPERS,
    name: 'pid',
    arity: 1,
    fn: ([s], ctx) => {
      if (typeof s === 'object' && s.kind === 'binary') return pidFromString(s.text ?? '', ctx);
      return argumentError();
    },
  },
  {
    module: HELPERS,
    name: 'pid',
    arity: 3,
    fn: ([a, b, c], ctx) =>
      typeof a === 'number' && typeof b === 'number' && typeof c === 'number' ? pidOf(a, b, c, ctx) : argumentError(),
  },
  {
    module: HELPERS,
    name: 'binding',
    arity: 0,
    fn: (_a, ctx) => {
      const { bindings } = shellOf(ctx, 'binding/0');
      const names = [...bindings.keys()].sort();
      return list(names.map((n) => tuple(atom(n), bindings.get(n) as Term)));
    },
  },
  {
    module: HELPERS,
    name: 'respawn',
    arity: 0,
    fn: (_a, ctx) => {
      shellOf(ctx, 'respawn/0').respawn();
      return DONT_DISPLAY;
    },
  },
  {
    module: HELPERS,
    name: 'clear',
    arity: 0,
    fn: (_a, ctx) => {
      shellOf(ctx, 'clear/0').clear();
      return DONT_DISPLAY;
    },
  },
  { module: HELPERS, name: '__help_text__', arity: 0, fn: () => Binary.fromString(HELP) },
  {
    // nl/1's payload: the module's defmodule form as a term, nil for a module we did not compile.
    module: HELPERS,
    name: '__module_source__',
    arity: 1,
    fn: ([m], ctx) => {
      if (typeof m !== 'object' || m.kind !== 'atom' || !('modules' in ctx.node)) return atom('nil');
      const source = (ctx.node as VmNode).modules.get(m.name)?.source;
      return source === undefined ? atom('nil') : astToTerm(source);
    },
  },
];

// Helpers that receive or print are Elixir, so they run (and wait) like any process code.
const HELPERS_PRELUDE = `
defmodule IEx.Helpers do
  def flush do
    receive do
      msg ->
        IO.inspect(msg)
        flush()
    after
      0 -> :ok
    end
  end

  # iex's nl/1,2 loads a module's BEAM file on each node by rpc (:code.load_binary). Ours sends
  # the module's defmodule form to each node's code server (src/distribution/elixir/code-server.ts); the
  # answers have iex's shapes. A module iex could not find code for gives {:error, :nofile}.
  def nl(module) when is_atom(module), do: nl(Node.list(), module)

  def nl(nodes, module) when is_list(nodes) and is_atom(module) do
    case __module_source__(module) do
      nil -> {:error, :nofile}
      source -> {:ok, Enum.map(nodes, fn node -> __nl_load__(node, module, source) end)}
    end
  end

  def __nl_load__(node, module, source) do
    server = {:playground_code_server, node}
    ref = Process.monitor(server)
    send(server, {:load, source, self(), ref})

    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])

        case reply do
          {:module, _} -> {node, :loaded, module}
          {:error, reason} -> {node, :error, reason}
        end

      {:DOWN, ^ref, _, _, :noconnection} ->
        {node, :badrpc, :nodedown}

      {:DOWN, ^ref, _, _, reason} ->
        {node, :badrpc, reason}
    end
  end

  def h do
    IO.puts(__help_text__())
    :"do not show this result in output"
  end
end
`;

/** IEx.Helpers: a node that runs a shell is assembled with it. */
export const iexHelpersModule: BuiltinModule = { name: 'iex-helpers', bifs: helperBifs, prelude: HELPERS_PRELUDE };
