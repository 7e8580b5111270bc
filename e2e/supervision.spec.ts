// Issue 12, "the canvas shows supervision": a supervisor's children grouped under it with its
// strategy, a restart as the old pid fading and a new one appearing in the group, and a
// GenServer call drawn as a `call` token and its answer as a `reply` token.
import { expect, test } from './fixtures.ts';
import { LOADED_MS, afterFlights, slowest } from './speed.ts';
import { watchExits, watchFlights } from './seen.ts';
import { EXIT_SHOW_MS } from '../src/ui/store/model.ts';
import { openNode } from './kit.ts';

let n = 0;
const host = () => `sv${process.pid}x${n++}`;

const COUNTER = [
  'defmodule Counter do',
  '  use GenServer',
  '  def init(n), do: {:ok, n}',
  '  def handle_call(:get, _from, n), do: {:reply, n, n}',
  'end',
].join('\n');

test('a supervisor groups its children with its strategy; a killed child fades and its successor appears in the group', async ({ browser }) => {
  // Its waits are LOADED_MS each, and a clean-clone run at load ~20 went past the default 60 s.
  test.setTimeout(120_000);
  const one = await openNode(browser, { sname: 'one', host: host() });
  await one.iex(COUNTER);
  const sup = await one.iex([
    '{:ok, sup} = Supervisor.start_link([',
    '  %{id: :a, start: {GenServer, :start_link, [Counter, 1, [name: :a]]}},',
    '  %{id: :b, start: {GenServer, :start_link, [Counter, 2, [name: :b]]}}',
    '], strategy: :one_for_one)',
  ].join('\n'));
  const supPid = /#PID<[\d.]+>/.exec(sup)?.[0] ?? '';
  const a = await one.iex('Process.whereis(:a)');
  const b = await one.iex('Process.whereis(:b)');
  const card = one.page.getByRole('group', { name: `node ${one.name}` });
  const group = card.getByRole('group', { name: `supervisor ${supPid} one_for_one` });
  await expect(group).toBeVisible();
  await expect(group).toContainText('one_for_one');
  await expect(group.getByRole('button', { name: `${a} :a` })).toBeVisible();
  await expect(group.getByRole('button', { name: `${b} :b` })).toBeVisible();
  // The supervisor's own tile sits in the group's first row, outside the children's list.
  await expect(card.getByRole('button', { name: supPid, exact: true })).toBeVisible();
  await expect(group.getByRole('button', { name: supPid, exact: true })).toHaveCount(0);

  const exits = await watchExits(one.page);
  await one.iex('Process.exit(Process.whereis(:a), :kill)');
  // (A dead process has no name: the old tile is its pid alone.)
  const old = group.getByRole('button', { name: a, exact: true });
  // The old tile fades out with its reason (EXIT_SHOW_MS, 2.5 s) while the new :a appears in the
  // group, then it goes. As the page showed it: on a loaded machine the shell's `true` may come
  // after the fade.
  await expect.poll(async () => (await exits.seen()).some((e) => e.name === a && e.text.includes('exit :killed')), { timeout: LOADED_MS }).toBe(true);
  const a2 = await one.iex('Process.whereis(:a)');
  expect(a2).not.toBe(a);
  await expect(group.getByRole('button', { name: `${a2} :a` })).toBeVisible();
  await expect(old).toHaveCount(0, { timeout: EXIT_SHOW_MS + LOADED_MS });
  await expect(group.getByRole('button')).toHaveCount(2);
  await one.close();
});

test('a GenServer call at a slow speed is a call token, then a reply token', async ({ browser }) => {
  const one = await openNode(browser, { sname: 'one', host: host() });
  await one.iex(COUNTER);
  const server = await one.iex('{:ok, server} = GenServer.start(Counter, 42, name: :counter); server');
  await slowest(one.page);
  // A caller process (the shell would wait in the call): it prints the answer. It calls only on
  // :go, so the call token flies after the send below.
  const caller = await one.iex('caller = spawn(fn -> receive do :go -> IO.puts("answer #{GenServer.call(:counter, :get, 20_000)}") end end)');
  const flights = await watchFlights(one.page);
  await one.iex('send(caller, :go)');
  // Text and kind as the page listed them: a token lives 2 s, and under load the shell's answer
  // can come after it has landed.
  const call = `${caller} → ${server}: call :get`;
  const reply = `${server} → ${caller}: reply 42`;
  await expect.poll(async () => (await flights.seen()).filter((f) => f.text === call || f.text === reply).map((f) => `${f.kind}: ${f.text}`), { timeout: afterFlights(3) })
    .toEqual([`call: ${call}`, `reply: ${reply}`]);
  await one.waitForOutput('answer 42', { timeout: afterFlights(1) });
  await one.close();
});
