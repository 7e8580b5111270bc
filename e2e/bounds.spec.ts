// Bounded resources across real tabs (issue 10 §3): a term too large for the link is refused at
// the sender with a logged reason, and the connection stays up; a flood to another tab arrives
// whole and in order (the sender is suspended while the connection is busy, never the tab).
import { type Browser } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';

let tabs = 0;

/** Tabs `one` and `two` (a host of their own, so parallel workers never share names), connected, two's shell registered as :shell. */
async function connectedTabs(browser: Browser) {
  const h = `bounds${process.pid}x${tabs++}`;
  const [one, two] = [await openNode(browser, { sname: 'one', host: h }), await openNode(browser, { sname: 'two', host: h })];
  expect(await one.iex(`Node.connect :"two@${h}"`)).toBe('true');
  expect(await two.iex('Process.register(self(), :shell)')).toBe('true');
  return { h, one, two };
}

test('a 100 MB binary sent to another tab is refused at the sender; the link stays up and later messages cross', async ({ browser }) => {
  const { h, one, two } = await connectedTabs(browser);
  await one.iex('big = String.duplicate("x", 100_000_000); :ok', { timeout: 60_000 });
  const sent = await one.iex(`send({:shell, :"two@${h}"}, big); send({:shell, :"two@${h}"}, :after_big)`, { timeout: 60_000 });
  expect(sent).toContain(`** message dropped: the term is larger than the link's limit of 67108864 bytes (to node :two@${h}) **`);
  expect(sent.endsWith(':after_big')).toBe(true);
  expect(await two.iex('flush()')).toBe(':after_big\n:ok');
  expect(await one.iex('Node.list')).toBe(`[:two@${h}]`);
});

test('a flood of 100,000 messages to another tab arrives whole and in order', async ({ browser }) => {
  const { h, one, two } = await connectedTabs(browser);
  const payload = 'String.duplicate("y", 200)';
  await one.iex(`p = ${payload}; Enum.each(1..100_000, fn i -> send({:shell, :"two@${h}"}, {i, p}) end)`, { timeout: 120_000 });
  const check = await two.iex(
    'Enum.reduce(1..100_000, true, fn i, ok -> receive do {^i, _} -> ok after 10_000 -> false end end)',
    { timeout: 120_000 },
  );
  expect(check).toBe('true');
  expect(await one.iex('Node.list')).toBe(`[:two@${h}]`);
});
