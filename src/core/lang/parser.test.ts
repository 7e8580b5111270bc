/**
 * Parser tests: the special forms, multi-line input, every line typed in the scenario
 * transcripts, the whole ticker.ex, positions, and a speed check.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from './ast.ts';
import { parse } from './parser.ts';
import { sexpr } from './parser-print.ts';
import { SCENARIO_FILES, SCENARIO_INPUTS, TICKER_EX } from './scenario-inputs.fixture.ts';


function tree(src: string): string {
  const r = parse(src);
  if (!r.ok) throw new Error(`${JSON.stringify(src)}: ${r.error.type} ${r.error.line}:${r.error.column} ${r.error.message}`);
  return sexpr(r.expr);
}

function ast(src: string): Expr {
  const r = parse(src);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
}

const FORMS: readonly (readonly [string, string])[] = [
  ['with {:ok, a} <- f(), b = a + 1 do b else :error -> 0 end', '(with (<- {:ok a} (f)) (= b (+ a 1)) b (else ([:error] -> 0)))'],
  ['with {:ok, a} when a > 0 <- f(), do: a', '(with (<- {:ok a} when (> a 0) (f)) a)'],
  ['for x <- list, y <- other, x > 1, into: %{}, do: {x, y}', '(for (<- x list) (<- y other) (> x 1) (into %{}) {x y})'],
  ['for x <- [1, 2], do: x * 2', '(for (<- x [1 2]) (* x 2))'],
  ['for {k, v} <- map do k end', '(for (<- {k v} map) k)'],
  ['try do 1 rescue e in ArgumentError -> e end', '(try 1 (rescue e [ArgumentError] e))'],
  ['try do 1 rescue ArgumentError -> :a end', '(try 1 (rescue _ [ArgumentError] :a))'],
  ['try do 1 rescue e in [A, B] -> e catch :throw, v -> v after 2 end', '(try 1 (rescue e [A B] e) (catch ([:throw v] -> v)) (after 2))'],
  ['try do throw :x catch v -> v end', '(try (throw :x) (catch ([v] -> v)))'],
  ['try do 1 rescue _ -> 2 else x -> x after :done end', '(try 1 (rescue _ [] 2) (else ([x] -> x)) (after :done))'],
  ['defmodule M do def f(x), do: x * 2 end', '(defmodule M (def f ([x] -> (* x 2))))'],
  ['defmodule M do def f(x) when x > 0, do: :pos end', '(defmodule M (def f ([x] when (> x 0) -> :pos)))'],
  ['defmodule M do def f(x, y \\\\ 1), do: x + y end', '(defmodule M (def f ([x y] -> (+ x y)) (defaults _ 1)))'],
  ['defmodule M do defp g, do: 1 end', '(defmodule M (defp g ([] -> 1)))'],
  ['defmodule A.B do @x 1; def y, do: @x end', '(defmodule A.B (block (@x 1) (def y ([] -> @x))))'],
  ['def start do :ok end', '(def start ([] -> :ok))'],
  ['def f(x) when is_integer(x) do x end', '(def f ([x] when (is_integer x) -> x))'],
  ['def f(0), do: 0', '(def f ([0] -> 0))'],
  ['x = receive do m -> m end', '(= x (receive ([m] -> m)))'],
  ['case x do {:ok, v} -> v end |> IO.inspect', '(|> (case x ([{:ok v}] -> v)) (IO.inspect))'],
  ['a = 1; b = 2; a + b', '(block (= a 1) (= b 2) (+ a b))'],
  ['def f(x) do x rescue _ -> 0 end', '(def f ([x] -> (try x (rescue _ [] 0))))'],
  ['foo do 1 end', '(foo [{:do 1}])'],
  ['Task.run x do 1 else 2 end', '(Task.run x [{:do 1} {:else 2}])'],
];

const MULTILINE: readonly (readonly [string, string])[] = [
  ['x = 1 +\n  2', '(= x (+ 1 2))'],
  ['[1,\n 2,\n 3]', '[1 2 3]'],
  ['f(\n  1,\n  2\n)', '(f 1 2)'],
  ['%{\n  a: 1,\n  b: 2\n}', '%{:a => 1, :b => 2}'],
  ['x\n|> f()\n|> g()', '(|> (|> x (f)) (g))'],
  ['1\n-2', '(block 1 -2)'],
  ['fn\n  0 -> :zero\n  n when n > 0 ->\n    :pos\nend', '(fn ([0] -> :zero) ([n] when (> n 0) -> :pos))'],
  ['if x do\n  a\n  b\nelse\n  c\nend', '(if x (block a b) c)'],
  ['cond do\n  x > 1 -> :big\n  true -> :small\nend', '(cond ([(> x 1)] -> :big) ([:true] -> :small))'],
  ['receive do\n  x -> x\nafter\n  1000 ->\n    :timeout\nend', '(receive ([x] -> x) (after 1000 :timeout))'],
  ['x = 1 # one\ny = 2 # two', '(block (= x 1) (= y 2))'],
  ['"""\n  abc\n    d #{x}\n  """', '(str "abc\\n  d " x "\\n")'],
  ['~w(a\n b)', '["a" "b"]'],
  ['Enum.each clients, fn client ->\n  send client, {:tick}\nend', '(Enum.each clients (fn ([client] -> (send client {:tick}))))'],
  ['with {:ok, a} <- f(),\n     {:ok, b} <- g(a) do\n  a + b\nelse\n  _ -> :error\nend',
    '(with (<- {:ok a} (f)) (<- {:ok b} (g a)) (+ a b) (else ([_] -> :error)))'],
  ['try do\n  raise "boom"\nrescue\n  e in RuntimeError -> e\ncatch\n  :exit, r -> r\nafter\n  :ok\nend',
    '(try (raise "boom") (rescue e [RuntimeError] e) (catch ([:exit r] -> r)) (after :ok))'],
  ['', '(block)'],
  ['\n\n', '(block)'],
  ['  # only a comment', '(block)'],
];

describe('parse: special forms and multi-line input', () => {
  it.each(FORMS)('%s', (src, expected) => expect(tree(src)).toBe(expected));
  it.each(MULTILINE)('%j', (src, expected) => expect(tree(src)).toBe(expected));
});

describe('parse: the scenario transcripts and ticker.ex', () => {
  const files = SCENARIO_FILES;
  const inputs = SCENARIO_INPUTS;

  it('finds the typed lines', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(inputs.length).toBeGreaterThanOrEqual(20);
  });

  it.each(inputs)('parses %j', (src) => {
    const r = parse(src);
    expect(r.ok ? 'ok' : r.error.message).toBe('ok');
  });

  it('parses the chapter lines into the expected calls', () => {
    expect(tree('pid = Node.spawn(:"two@vm", fn -> receive do {:ping, from} -> send(from, {:pong, self()}) end end)')).toBe(
      '(= pid (Node.spawn :two@vm (fn ([] -> (receive ([{:ping from}] -> (send from {:pong (self)})))))))',
    );
    expect(tree('receive do {:pong, p} -> {:got, p, node(p)} after 1000 -> :timeout end')).toBe(
      '(receive ([{:pong p}] -> {:got p (node p)}) (after 1000 :timeout))',
    );
    expect(tree('Node.set_cookie(:"one@vm", :"chocolate-chip-1")')).toBe('(Node.set_cookie :one@vm :"chocolate-chip-1")');
  });

  const ticker = TICKER_EX;

  it('parses ticker.ex into two modules', () => {
    expect(tree(ticker)).toBe(
      '(block (defmodule Ticker (block (@interval 2000) (@name :ticker) ' +
        '(def start ([] -> (block (= pid (spawn __MODULE__ :generator [[]])) (:global.register_name @name pid)))) ' +
        '(def register ([client_pid] -> (send (:global.whereis_name @name) {:register client_pid}))) ' +
        '(def generator ([clients] -> (receive ([{:register pid}] -> (block (IO.puts (str "registering " (inspect pid))) ' +
        '(generator [pid | clients]))) (after @interval (block (IO.puts "tick") ' +
        '(Enum.each clients (fn ([client] -> (send client {:tick})))) (generator clients)))))))) ' +
        '(defmodule Client (block (def start ([] -> (block (= pid (spawn __MODULE__ :receiver [])) (Ticker.register pid)))) ' +
        '(def receiver ([] -> (receive ([{:tick}] -> (block (IO.puts "tock in client") (receiver)))))))))',
    );
  });

  it('parses ticker.ex typed line by line as the shell would, incomplete until the last end', () => {
    const lines = ticker.split('\n');
    let buf = '';
    let complete = 0;
    for (const line of lines) {
      buf += line + '\n';
      const r = parse(buf);
      if (r.ok) {
        if (buf.trim() !== '') complete++;
        buf = '';
      } else expect(r.error).toMatchObject({ type: 'TokenMissingError', incomplete: true });
    }
    expect(complete).toBe(2);
  });

  // Parse speed is a benchmark's business (this machine is shared and noisy), not a unit test's:
  // here only that deep nesting and long inputs parse, without a stack overflow.
  it('parses deep nesting and long inputs', () => {
    const deep = '['.repeat(300) + ']'.repeat(300);
    const long = Array.from({ length: 5000 }, (_, i) => `x${i} = f(${i}, :a, "s") + ${i}`).join('\n');
    expect(parse(deep).ok).toBe(true);
    const r = parse(long);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.expr).toMatchObject({ kind: 'block' });
  });
});

describe('parse: positions', () => {
  it('puts 1-based line and column on nodes', () => {
    const e = ast('x = 1\n  foo(y, :a)');
    expect(e.kind).toBe('block');
    if (e.kind !== 'block') return;
    const [m, call] = e.exprs;
    expect(m).toMatchObject({ kind: 'match', pos: { line: 1, column: 3 }, pattern: { pos: { line: 1, column: 1 } } });
    expect(call).toMatchObject({ kind: 'call', pos: { line: 2, column: 3 } });
    if (call?.kind !== 'call') return;
    expect(call.args[0]?.pos).toEqual({ line: 2, column: 7 });
    expect(call.args[1]?.pos).toEqual({ line: 2, column: 10 });
  });

  it('positions nodes inside interpolations at their place in the source', () => {
    const e = ast('"ab #{x}"');
    expect(e.kind === 'string' && e.parts[1]).toMatchObject({ kind: 'var', pos: { line: 1, column: 7 } });
  });

  it('positions clauses and defs', () => {
    const e = ast('defmodule M do\n  def f(x) do\n    x\n  end\nend');
    expect(e).toMatchObject({ kind: 'defmodule', pos: { line: 1, column: 1 }, body: { kind: 'def', pos: { line: 2, column: 3 } } });
  });
});
