// Issue 12, "the canvas shows supervision": a supervisor's children grouped under it with its
// strategy, a restart as the old pid fading and a new one appearing in the group, and a
// GenServer call drawn as a `call` token and its answer as a `reply` token.
import { expect, test } from '@playwright/test';
import { inFlight, slowest } from './speed.ts';
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

  await one.iex('Process.exit(Process.whereis(:a), :kill)');
  // (A dead process has no name: the old tile is its pid alone.)
  const old = group.getByRole('button', { name: a, exact: true });
  // The old tile fades out with its reason while the new :a appears in the group, then it goes.
  await expect(old).toHaveAttribute('data-exited', '');
  await expect(old).toContainText(':killed');
  const a2 = await one.iex('Process.whereis(:a)');
  expect(a2).not.toBe(a);
  await expect(group.getByRole('button', { name: `${a2} :a` })).toBeVisible();
  await expect(old).toHaveCount(0, { timeout: 6_000 });
  await expect(group.getByRole('button')).toHaveCount(2);
  await one.close();
});

test('a GenServer call at a slow speed is a call token, then a reply token', async ({ browser }) => {
  const one = await openNode(browser, { sname: 'one', host: host() });
  await one.iex(COUNTER);
  const server = await one.iex('{:ok, server} = GenServer.start(Counter, 42, name: :counter); server');
  await slowest(one.page);
  // A caller process (the shell would wait in the call): it prints the answer. It calls only on
  // :go, so the call token flies 2-4 s after the send below, not before iex() has returned
  // (under load the shell's answer can come after a 2 s token has landed).
  const caller = await one.iex('caller = spawn(fn -> receive do :go -> IO.puts("answer #{GenServer.call(:counter, :get, 20_000)}") end end)');
  await one.iex('send(caller, :go)');
  // Text and kind in one locator: a token lives 2 s, so a second look may find it landed.
  const call = inFlight(one.page).filter({ hasText: `${caller} → ${server}: call :get` }).and(one.page.locator('[data-kind="call"]'));
  await expect(call).toHaveCount(1, { timeout: 8_000 });
  const reply = inFlight(one.page).filter({ hasText: `${server} → ${caller}: reply 42` }).and(one.page.locator('[data-kind="reply"]'));
  await expect(reply).toHaveCount(1, { timeout: 8_000 });
  await one.waitForOutput('answer 42');
  await one.close();
});
