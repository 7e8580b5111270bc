// Issue 11, "links and monitors drawn are exactly those Process.info reports": after
// `nl(Client)` no monitor arrow is left that `Process.info(self(), :monitors)` denies.
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';

let n = 0;
const host = () => `mt${process.pid}x${n++}`;

test('after nl(Client) the monitor arrows drawn are exactly those Process.info reports', async ({ browser }) => {
  test.setTimeout(120_000);
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  const three = await openNode(browser, { sname: 'three', host: h });
  for (const other of ['two', 'three']) expect(await one.iex(`Node.connect :"${other}@${h}"`)).toBe('true');
  await one.page.getByRole('button', { name: 'cluster view' }).click();
  await expect(one.page.getByRole('group', { name: `node three@${h}` }).getByRole('button').first()).toBeVisible({ timeout: 15_000 });
  await one.iex('defmodule Client do\n  def hi, do: :hi\nend', { timeout: 20_000 });
  expect(await one.iex('nl(Client)')).toMatch(/^\{:ok, /);
  expect(await one.iex('Process.info(self(), :monitors)')).toBe('{:monitors, []}');
  const arrows = one.page.getByRole('img', { name: /^monitor / });
  // Given time for every node's trace batches to arrive: none drawn.
  await one.page.waitForTimeout(2_000);
  await expect(arrows).toHaveCount(0);
  // A real monitor is drawn, once.
  const pid = await one.iex('w = spawn(fn -> receive do :stop -> :ok end end)');
  await one.iex('ref = Process.monitor(w)');
  await expect(one.page.getByRole('img', { name: `monitor ${(await one.iex('self()')).trim()} → ${pid.trim()}` })).toHaveCount(1);
  for (const t of [one, two, three]) await t.close();
});
