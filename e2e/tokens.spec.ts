// Issue 11, "tokens that explain themselves": every token drawn is a line `from → to: term` of
// the list `messages in flight`, coloured by kind with a legend, and a click on it tells its
// sender, receiver, term and when it was sent and delivered.
import { expect, test } from '@playwright/test';
import { inFlight, slowest } from './speed.ts';
import { openNode } from './kit.ts';

let n = 0;
const host = () => `tk${process.pid}x${n++}`;

test('each token is a line of messages in flight, and a click on it tells what it is', async ({ browser }) => {
  const one = await openNode(browser, { sname: 'one', host: host() });
  const pid = await one.iex('pid = spawn(fn -> loop = fn loop -> receive do m -> IO.puts("got #{inspect m}"); loop.(loop) end end; loop.(loop) end)');
  const me = await one.iex('self()');
  await slowest(one.page);
  const overlay = one.page.getByTestId('message-overlay');
  const line = inFlight(one.page).filter({ hasText: `${me} → ${pid}: {:ping, ${me}}` });
  const pane = await overlay.evaluate((c) => {
    const r = (c.parentElement as HTMLElement).getBoundingClientRect();
    return { x: r.x, y: r.y };
  });
  const details = one.page.getByRole('dialog', { name: 'message details' });
  // Click the token where it is drawn: it moves, so click again at its next place until it is
  // hit (on a busy machine a token may land first: then send another).
  for (let tries = 0; tries < 6 && !(await details.isVisible()); tries++) {
    await one.iex('send pid, {:ping, self()}');
    await expect(line).toHaveCount(1, { timeout: 15_000 });
    if (tries === 0) await expect(overlay).toHaveAttribute('data-tokens', '1'); // one token, one line
    await expect(line).toHaveAttribute('data-kind', 'message');
    while ((await line.count()) > 0 && !(await details.isVisible())) {
      // Short timeout: the token may land between count() and here (else this waits for a line
      // that never comes back, the whole test's time).
      const at = await line.evaluate((l) => [Number((l as HTMLElement).dataset.x), Number((l as HTMLElement).dataset.y)], undefined, { timeout: 500 }).catch(() => null);
      if (at === null) break;
      await one.page.mouse.click(pane.x + (at[0] as number), pane.y + (at[1] as number));
    }
  }
  await expect(details).toBeVisible();
  await expect(details).toContainText(`from${me}`);
  await expect(details).toContainText(`to${pid}`);
  await expect(details).toContainText(`term{:ping, ${me}}`);
  await expect(details).toContainText(/sent\d\d:\d\d:\d\d\.\d{3}/);
  await expect(details).toContainText(/delivered( at)?\d\d:\d\d:\d\d\.\d{3}/);
  // The click went to the token, not to a tile beneath it.
  await expect(one.page.getByRole('complementary', { name: 'inspector' })).toHaveCount(0);
  await one.page.getByRole('button', { name: 'close message details' }).click();
  await expect(details).toHaveCount(0);

  // The token lands: its line goes, and the receiver prints (its I/O request flies in turn).
  await expect(line).toHaveCount(0, { timeout: 5_000 });
  await one.waitForOutput(`got {:ping, ${me}}`);
  await one.close();
});

test('tokens are coloured by kind, with a legend: an exit signal and a DOWN are tokens too', async ({ browser }) => {
  const one = await openNode(browser, { sname: 'one', host: host() });
  const legend = one.page.getByRole('list', { name: 'token colours' }).getByRole('listitem');
  await expect(legend).toHaveText(['message', 'link or exit signal', 'monitor DOWN', 'spawn request', 'I/O request', 'call', 'reply']);
  await one.iex('Process.flag(:trap_exit, true)');
  await slowest(one.page);
  await one.iex('pid = spawn_link(fn -> receive do :go -> exit(:boom) end end)');
  await one.iex('ref = Process.monitor(pid)');
  await one.iex('send pid, :go');
  await expect(inFlight(one.page).filter({ hasText: /: \{:EXIT, #PID<0\.\d+\.0>, :boom\}$/ })).toHaveAttribute('data-kind', 'exit', { timeout: 15_000 });
  await expect(inFlight(one.page).filter({ hasText: /: \{:DOWN, #Reference<…>, :process, #PID<0\.\d+\.0>, :boom\}$/ })).toHaveAttribute('data-kind', 'down');
  // Delivered when they land, in order: the EXIT, then the DOWN. Both tokens are in flight now,
  // so both land within their 2 s. The mailbox is read with Process.info, whose value the shell
  // prints itself: flush() would print each message through the group leader, an I/O request
  // and its reply that take 2 s each at this speed (8 s for the two; see
  // src/playground/slow-motion-timeline.test.ts), which is what looked like a late delivery.
  await expect
    .poll(async () => one.iex('Process.info(self(), :messages) |> elem(1) |> Enum.map(&elem(&1, 0))'), { timeout: 5_000 })
    .toBe('[:EXIT, :DOWN]');
  await one.close();
});

test('a remote spawn is a spawn request token to the node asked, delivered when it lands', async ({ browser }) => {
  test.setTimeout(90_000);
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  expect(await one.iex(`Node.connect :"two@${h}"`)).toBe('true');
  await slowest(one.page);
  const spawned = one.iex(`Node.spawn(:"two@${h}", fn -> :ok end)`);
  const request = inFlight(one.page).filter({ hasText: new RegExp(`^#PID<0\\.\\d+\\.0> → :two@${h}: \\{:erlang, :apply, `) });
  // 15 s: in a loaded CI run the page took 2.7 s to take the Enter, and its list then came late;
  // the token itself flies its 2 s once it is drawn.
  await expect(request).toHaveAttribute('data-kind', 'spawn', { timeout: 15_000 });
  expect(await spawned).toMatch(/^#PID<\d+\.\d+\.0>$/);
  await one.close();
  await two.close();
});
