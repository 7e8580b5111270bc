// A fun written in a tab, encoded for a BEAM peer (an erl_eval fun: Erlang abstract clauses +
// bindings), decoded and called by real Elixir 1.14 / OTP 25 beside the same source evaluated by
// real Elixir itself: the same value, output or error. Requires `elixir` on the PATH (CI installs it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { encodeTerm } from '../etf/encode.ts';
import { langNode, spawnEval } from '../../core/lang/vm-test-helpers.ts';
import { advanceAndRun } from '../../core/runtime/testing.ts';
import type { Term } from '../../core/term/types.ts';
import { BeamFuns } from './beam-fun-hooks.ts';

/** [name, source of a fun, arguments (Elixir source of a list of argument lists)]. */
const CASES: readonly (readonly [string, string, string])[] = [
  // No Erlang form here (`with`): the real node runs a fun that raises why (checked below).
  ['unsupported', 'fn -> with {:ok, x} <- {:ok, 1}, do: x end', '[[]]'],
  ['chapter', 'fn -> IO.puts(Node.self) end', '[[]]'],
  ['closure', 'x = 5; fn y -> x + y end', '[[2], [-7]]'],
  ['clauses_guards', 'fn 0 -> :zero; n when is_integer(n) and n > 0 -> :pos; n when is_float(n) or n < -100 -> :odd; _ -> :other end', '[[0], [3], [1.5], [-200], [-1], ["a"]]'],
  ['remote_pipe', 'fn l -> l |> Enum.map(fn x -> x * 2 end) |> Enum.sum() end', '[[[1, 2, 3]]]'],
  ['string_mod', 'fn s -> String.upcase(s) <> "!" end', '[["hi"]]'],
  ['other_closure', 'g = fn x -> x + 1 end; fn y -> g.(g.(y)) end', '[[1]]'],
  ['receive', 'fn -> send(self(), {:msg, 41}); receive do {:msg, n} -> n + 1 after 100 -> :timeout end end', '[[]]'],
  ['receive_after', 'fn -> receive do :never -> :got after 5 -> :timeout end end', '[[]]'],
  ['case', 'fn x -> case x do {:ok, v} -> v; {:error, _} = e -> e; _ -> nil end end', '[[{:ok, 1}], [{:error, :no}], [3]]'],
  ['binary_match', 'fn <<a::8, rest::binary>> -> {a, rest} end', '[["abc"]]'],
  ['binary_build', 'fn x -> <<x::16, "tail", 1.5::float, x::little-size(16)>> end', '[[258]]'],
  ['binary_utf8', 'fn s -> <<"é"::utf8, s::binary, ?z>> end', '[["ab"]]'],
  ['maps', 'fn %{a: a} = m -> %{Map.put(m, :b, a * 2) | a: 0} end', '[[%{a: 2}]]'],
  ['map_field', 'fn m -> {m.name, map_size(m)} end', '[[%{name: "jo"}]]'],
  ['strings', 'name = "joe"; fn n -> "hello #{name} #{n}!" end', '[[1], [:x]]'],
  ['charlist', "fn -> 'abc' ++ [?d] end", '[[]]'],
  ['patterns', 'fn {a, [b | c]}, [_, {d}] -> [a, b, c, d] end', '[[{1, [2, 3]}, [0, {4}]]]'],
  ['pin', 'x = 1; fn ^x -> :same; _ -> :diff end', '[[1], [2]]'],
  ['rebind', 'fn x -> x = x + 1; x = x * 2; x end', '[[3]]'],
  ['if_cond', 'fn x -> if x > 1, do: :big, else: (cond do x == 0 -> :zero; true -> :small end) end', '[[5], [0], [1]]'],
  ['bool_ops', 'fn a, b -> {a and b, a or b, not a, a && b, a || b, !a} end', '[[true, false], [nil, 3]]'],
  ['arith', 'fn a, b -> {a + b, a - b, a * b, a / b, div(a, b), rem(a, b), -a, a == b, a != b, a === b, a <= b} end', '[[7, 2]]'],
  ['lists_ops', 'fn l -> {hd(l), tl(l), length(l), l -- [1], elem({:a, :b}, 1), [0 | l], put_elem({1, 2}, 0, :z)} end', '[[[1, 2, 3]]]'],
  ['captures', 'fn l -> {Enum.map(l, &Integer.to_string/1), Enum.map(l, &(&1 * 3)), Enum.map(l, &is_integer/1)} end', '[[[1, 2]]]'],
  ['pids', 'fn -> is_pid(self()) and node() == Node.self() end', '[[]]'],
  ['undefined', 'fn -> NoSuch.thing(1) end', '[[]]'],
  ['function_clause', 'fn 1 -> :one end', '[[2]]'],
  ['try_rescue', 'fn x -> try do 10 / x rescue e in ArithmeticError -> {:rescued, e.message} end end', '[[2], [0]]'],
  ['try_catch', 'fn x -> try do throw(x) catch :throw, v -> {:caught, v} after :ok end end', '[[1]]'],
  ['raise', 'fn -> raise "boom" end', '[[]]'],
  ['raise_mod', 'fn -> raise ArgumentError, "bad" end', '[[]]'],
  ['nested_closure', 'a = 1; fn b -> fn c -> a + b + c end end', '[[2]]'],
  ['for', 'fn l -> {for(x <- l, x > 1, do: x * x), for({:ok, v} <- l, w <- [v, v + 1], do: {v, w}), for(x when x > 2 <- l, do: x)} end', '[[[1, 2, 3, {:ok, 7}, :no]]]'],
  ['ranges_in', 'fn x -> {x in [1, 2], x in 1..3, Enum.to_list(1..x)} end', '[[2]]'],
];

function tabFun(src: string): { b64: string } {
  const t = langNode();
  const ev = spawnEval(t, src);
  advanceAndRun(t.clock, 10, t.node);
  if (ev.result?.type !== 'done') throw new Error(`no fun from ${src}`);
  const hooks = new BeamFuns(t.rt).hooksForConnection();
  return { b64: Buffer.from(encodeTerm(ev.result.value as Term, { hooks })).toString('base64') };
}

describe('funs written in a tab run on a real Elixir node', () => {
  it('gives what real Elixir gives for the same source', () => {
    const b64 = (s: string): string => Buffer.from(s).toString('base64');
    const lines = CASES.map(([name, src, args]) => [name, tabFun(src).b64, b64(src), b64(args)].join('\t'));
    const dir = mkdtempSync(join(tmpdir(), 'funs-'));
    writeFileSync(join(dir, 'cases.txt'), `${lines.join('\n')}\n`);
    const out = execFileSync('elixir', [join(__dirname, 'run-funs.exs'), join(dir, 'cases.txt')], { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
    const results = new Map<string, string[]>();
    for (const l of out.split('\n').filter((x) => x !== '')) {
      const [name, side, text, output] = l.split('\t');
      if (name === undefined || side === undefined || text === undefined || output === undefined) throw new Error(`unexpected line from elixir: ${l}`);
      const key = `${name} ${side}`;
      results.set(key, [...(results.get(key) ?? []), `${Buffer.from(text, 'base64').toString()} | ${Buffer.from(output, 'base64').toString()}`]);
    }
    expect(results.get('unsupported ours')).toEqual(['** (ErlangError) Erlang error: {:unsupported_fun, "a fun with with cannot be sent to a BEAM node"} | ']);
    const differ = CASES.filter(([name]) => name !== 'unsupported')
      .map(([name]) => ({ name, ours: results.get(`${name} ours`) ?? ['missing'], real: results.get(`${name} real`) ?? ['missing'] }))
      .filter((c) => JSON.stringify(c.ours) !== JSON.stringify(c.real));
    expect(differ).toEqual([]);
  }, 180_000);
});
