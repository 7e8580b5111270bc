/**
 * Issue 15 §2, funs both ways, against a stock OTP 25 / Elixir 1.14 node: our terminal node and a
 * real `iex --sname` (beam-testing.ts), typed into line by line. The chapter's own example, a
 * closure over bindings through :rpc, a fun that goes to the other side and comes back the same,
 * and the errors BEAM gives where code is missing. Expected texts are what real iex prints between
 * two real nodes. Requires Erlang and Elixir.
 */
import { describe, expect, it } from 'vitest';
import { expectEval, startPair } from './beam-testing.ts';

const tag = `${process.pid}`;
const CLI = `funs_cli${tag}`;
const REAL = `funs_real${tag}`;
const pair = startPair('funs', { connect: true });
const { cliNode, realNode } = pair;

describe('funs between the terminal node and a real iex node', () => {
  it('the chapter: Node.spawn(node, fn -> IO.puts(Node.self) end) runs there and prints here, both ways', async () => {
    // The spawned process prints through the caller's group leader whenever it runs: before or
    // after the caller's next prompt (even on the prompt's line), as between two real nodes.
    let from = pair.real.out().length;
    expect(await pair.real.type(`Node.spawn(${cliNode}, fn -> IO.puts(Node.self) end) |> node()`)).toContain(`:${CLI}@vm\n`);
    await pair.real.waitFor(new RegExp(`(?<!:)${CLI}@vm\n`), from);
    from = pair.cli.out().length;
    expect(await pair.cli.type(`Node.spawn(${realNode}, fn -> IO.puts(Node.self) end) |> node()`)).toContain(`:${REAL}@vm\n`);
    await pair.cli.waitFor(new RegExp(`(?<!:)${REAL}@vm\n`), from);
  }, 60_000);

  it('a closure over bindings runs on the other node through :rpc, both ways', async () => {
    await pair.real.type('x = 41');
    await expectEval(pair.real, `:rpc.call(${cliNode}, :erlang, :apply, [fn a -> {a + x, Node.self()} end, [1]])`, `{42, ${cliNode}}`);
    await pair.cli.type('x = 41');
    await expectEval(pair.cli, `:rpc.call(${realNode}, :erlang, :apply, [fn a -> {a + x, Node.self()} end, [1]])`, `{42, ${realNode}}`);
  }, 60_000);

  it('a fun that visits the other node comes back the same fun, both ways', async () => {
    await pair.real.type('f = fn -> :hi end');
    await expectEval(pair.real, `:rpc.call(${cliNode}, :erlang, :apply, [fn g -> g end, [f]]) == f`, 'true');
    await pair.cli.type('g = fn -> :hi end');
    await expectEval(pair.cli, `h = :rpc.call(${realNode}, :erlang, :apply, [fn g -> g end, [g]]); h.()`, ':hi');
  }, 60_000);

  it('a call to a module the node lacks is BEAM\'s undef, both ways', async () => {
    // (Our stack's first frame is the apply, not NoSuch.thing/1 as BEAM's: the VM's frames.)
    await expectEval(pair.real, `match?({:badrpc, {:EXIT, {:undef, _}}}, :rpc.call(${cliNode}, :erlang, :apply, [fn -> NoSuch.thing(1) end, []]))`, 'true');
    await expectEval(pair.cli, `match?({:badrpc, {:EXIT, {:undef, [{NoSuch, :thing, [1], _} | _]}}}, :rpc.call(${realNode}, :erlang, :apply, [fn -> NoSuch.thing(1) end, []]))`, 'true');
  }, 60_000);

  it('a fun of a module compiled on the real node fails on ours with :undef, as on a node without it', async () => {
    await pair.real.type('defmodule FunsM do\n  def f(x), do: fn y -> x + y end\nend');
    await expectEval(pair.real, `match?({:badrpc, {:EXIT, {:undef, _}}}, :rpc.call(${cliNode}, :erlang, :apply, [FunsM.f(1), [2]]))`, 'true');
  }, 60_000);
});
