// Issue 11, "only the class's traffic by default": the tool's own messages (tracing service,
// classroom control, :global's protocol, I/O plumbing) draw no token unless "show system
// traffic" is on; folding system processes away leaves no holes and keeps what the class named.
import { type Locator, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';
import { DEFAULT_LAYOUT } from '../src/ui/canvas/layout.ts';
import { afterFlights } from './speed.ts';
import { watchFlights } from './seen.ts';

let n = 0;
const host = () => `ct${process.pid}x${n++}`;
const tokens = async (page: Page) => {
  const n = await page.getByTestId('message-overlay').getAttribute('data-tokens');
  if (n === null) throw new Error('the token overlay has no data-tokens');
  return Number(n);
};

/** Every tile's grid cell (row, column) in its card, from where it is on screen (zoom-independent). */
async function cells(card: Locator): Promise<string[]> {
  const c = await card.boundingBox();
  const tiles = await card.getByRole('button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  if (c === null) throw new Error('card not on screen');
  const L = DEFAULT_LAYOUT;
  return tiles.map((t) => {
    const unit = t.width / L.processWidth; // screen px per layout unit
    const col = Math.round((t.x - c.x - L.gap * unit) / ((L.processWidth + L.gap) * unit));
    const row = Math.round((t.y - c.y - L.header * unit) / ((L.processHeight + L.gap) * unit));
    return `${row},${col}`;
  });
}

test('a cluster where only the tool talks shows no moving token; a message of the class does', async ({ browser }) => {
  test.setTimeout(90_000);
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  expect(await one.iex(`Node.connect :"two@${h}"`)).toBe('true');
  await one.page.getByRole('slider', { name: 'message speed' }).fill('0'); // slow motion: tokens fly for seconds
  // The cluster view: both nodes' tracers now talk (batches, acks) ten times a second.
  await one.page.getByRole('button', { name: 'cluster view' }).click();
  await expect(one.page.getByRole('group', { name: `node two@${h}` }).getByRole('button').first()).toBeVisible({ timeout: 15_000 });
  const register = await watchFlights(one.page);
  expect(await two.iex(':global.register_name(:box, self())')).toBe(':yes');

  // The register call's own messages (the shell's to :global and its answer) land first. They
  // reach this tab in two's next tracer batch, which under load may come after the shell's answer:
  // wait until this page listed the answer, or "no token" could be read before they arrived.
  await expect.poll(async () => (await register.seen()).some((f) => f.text.includes('$global_reply')), { timeout: afterFlights(1) }).toBe(true);
  await expect.poll(() => tokens(one.page), { timeout: afterFlights(1) }).toBe(0);

  // Two's processes come and go without sending a message of the class: only its tracer talks
  // (a batch of events to this tab's viewer, an ack back, several times a second).
  const quiet = await watchFlights(one.page);
  await two.iex('spawn(fn -> for _ <- 1..80, do: (spawn(fn -> :ok end); Process.sleep(150)) end)');
  const idle = async () => {
    const seen: number[] = [];
    for (let i = 0; i < 30; i++) {
      seen.push(await tokens(one.page));
      await one.page.waitForTimeout(100);
    }
    return Math.max(...seen);
  };
  expect(await idle()).toBe(0);
  expect(await quiet.seen()).toEqual([]); // not even between two looks
  // "show system traffic" draws the tool's own messages.
  const traffic = one.page.getByRole('checkbox', { name: 'show system traffic' });
  await traffic.check();
  // (The shell panel's evaluation request on two is such a message: tokens fly 2 s at most now,
  // so they are read as the page listed them, not looked for after two's shell answered.)
  const system = await watchFlights(one.page);
  await two.iex(':ok');
  await expect.poll(async () => (await system.seen()).length, { timeout: afterFlights(1) }).toBeGreaterThan(0);
  await traffic.uncheck();
  await expect.poll(() => tokens(one.page), { timeout: afterFlights(1) }).toBe(0);

  // The class's own message flies.
  const hello = await watchFlights(one.page);
  await one.iex('send(:global.whereis_name(:box), :hello)');
  await expect.poll(async () => (await hello.seen()).filter((f) => f.text.endsWith(': :hello')).map((f) => f.kind), { timeout: afterFlights(1) }).toEqual(['message']);
  await one.close();
  await two.close();
});

test('folding system processes reflows the card with no holes and keeps what the class named', async ({ browser }) => {
  const h = host();
  const two = await openNode(browser, { sname: 'two', host: h });
  expect(await two.iex(':global.register_name(:two, Process.group_leader())')).toBe(':yes');
  expect(await two.iex('Process.register(spawn(fn -> receive do :stop -> :ok end end), :mine)')).toBe('true');
  const card = two.page.getByRole('group', { name: `node two@${h}` });
  const gl = card.getByRole('button', { name: /^#PID<0\.\d+\.0> \{:global, :two\}$/ });
  await expect(gl).toBeVisible();

  await two.page.getByRole('checkbox', { name: 'show system processes' }).uncheck();
  await expect(card.getByRole('button', { name: /:net_kernel$/ })).toHaveCount(0);
  // The chapter's :global name on the group leader, and the class's own processes, stay.
  await expect(gl).toBeVisible();
  await expect(card.getByRole('button', { name: /^#PID<0\.\d+\.0> :mine$/ })).toBeVisible();
  const shown = await card.getByRole('button').count();
  // No holes: the tiles fill the first cells of the grid, row by row.
  await expect.poll(async () => (await cells(card)).sort()).toEqual(
    Array.from({ length: shown }, (_, i) => `${Math.floor(i / DEFAULT_LAYOUT.columns)},${i % DEFAULT_LAYOUT.columns}`).sort(),
  );
  await two.close();
});
