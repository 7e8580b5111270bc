// Funs crossing between a Chromium tab (served by `npm start -- --beam`) and a stock
// `elixir --sname` node, the chapter's own example both ways: `Node.spawn(node, fn -> IO.puts(Node.self) end)`
// runs on the other node and prints through the caller's group leader, a closure over a binding
// runs there through `:rpc.call(node, :erlang, :apply, [fun, []])`, and a fun calling a module only
// the caller has gives BEAM's own :undef. Expected texts are those of two real `iex --sname` nodes
// (OTP 25 / Elixir 1.14), e.g. for the last one:
//   iex(a@vm)5> :rpc.call(:"b@vm", :erlang, :apply, [fn -> TabOnly.hi() end, []])
//   {:badrpc, {:EXIT, {:undef, [{TabOnly, :hi, [], []}, {:erlang, :apply, 2, []}]}}}
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';
import { beamURL, realNodesKilledAfterEach } from './real-node.ts';

const startRealNode = realNodesKilledAfterEach();

/**
 * The real node: :box evaluates the Elixir text the tab sends it, as iex evaluates a typed line
 * (Code.eval_string: a fun in it is an :erl_eval closure, as in iex), and prints the result's
 * inspect text; its group leader is this node's standard output.
 */
const REAL_CODE = `
Process.register(self(), :box)
IO.puts("ready")
loop = fn loop ->
  receive do
    {:eval, code} ->
      {result, _} = Code.eval_string(code)
      IO.puts("eval #{inspect(result)}")
    _ -> :ok
  end
  loop.(loop)
end
loop.(loop)
`;

/** A line of output that is exactly `text` (not a prompt's echo of it). */
const line = (text: string) => new RegExp(`^${text}$`, 'm');

test('funs typed on either side run on the other: Node.spawn prints through the caller, closures carry their bindings, a module only one side has is :undef', async ({ browser }) => {
  test.setTimeout(120_000);
  const tab = await openNode(browser, { sname: `gateway_funs${process.pid}`, cookie: 'c', baseURL: beamURL });
  const real = startRealNode(`gateway_funs_real${process.pid}`, 'c', REAL_CODE);
  await real.waitForOutput('ready');
  const r = `:${real.name}`; // letters, digits, _ and @: printed without quotes
  const t = `:${tab.name}`;
  expect(await tab.iex(`Node.connect(${r})`, { timeout: 20_000 })).toBe('true');
  /** Has the real node evaluate `code` as if typed there. */
  const typedInReal = (code: string) => tab.iex(`send({:box, ${r}}, {:eval, ${JSON.stringify(code)}})`);

  // Typed in the real node: the fun runs on the tab and prints the tab's name on the real node.
  await typedInReal(`Node.spawn(${t}, fn -> IO.puts(Node.self) end)`);
  await real.waitForOutput('eval #PID<');
  await expect.poll(() => real.output(), { timeout: 20_000 }).toMatch(line(tab.name));
  expect(await tab.transcript()).not.toMatch(line(tab.name));
  // A closure over a binding, applied on the tab through :rpc.
  await typedInReal(`x = 21; :rpc.call(${t}, :erlang, :apply, [fn -> x * 2 end, []])`);
  await real.waitForOutput('eval 42', 20_000);

  // Typed in the tab: the fun runs on the real node and prints the real node's name in the tab.
  // (The print may land before the shell's next prompt, as in real iex: `#PID<…>` then the name.)
  expect(await tab.iex(`Node.spawn(${r}, fn -> IO.puts(Node.self) end)`, { timeout: 15_000 })).toMatch(/^#PID<\d+\.\d+\.\d+>($|\n)/);
  await expect.poll(() => tab.transcript(), { timeout: 20_000 }).toMatch(line(real.name));
  expect(real.output()).not.toMatch(line(real.name));
  expect(await tab.iex(`x = 21; :rpc.call(${r}, :erlang, :apply, [fn -> x * 2 end, []])`, { timeout: 15_000 })).toBe('42');
  // A fun that calls a module only the tab has: the real node has no TabOnly.
  await tab.iex('defmodule TabOnly do def hi, do: :hi end');
  expect(await tab.iex('TabOnly.hi()')).toBe(':hi');
  const undef = await tab.iex(`:rpc.call(${r}, :erlang, :apply, [fn -> TabOnly.hi() end, []])`, { timeout: 15_000 });
  expect(undef.replace(/\n\s*/g, ' ')).toBe('{:badrpc, {:EXIT, {:undef, [{TabOnly, :hi, [], []}, {:erlang, :apply, 2, []}]}}}');
});
