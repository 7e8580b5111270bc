// The page around the shell (issue 5): the layout's roles and names, the start panel, the list
// of nodes the signalling server knows, and a three-node classroom run (Ticker on one tab,
// clients on two others, messages visible on the canvas, a cut link producing nodedown).
import { type Browser } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { KIT_COOKIE, openNode, type PlaygroundNode } from './kit.ts';
import { TICKER as CHAPTER_TICKER } from '../src/playground/ticker-source.ts';

/** The chapter's Ticker, ticking every second so the run stays short. */
const TICKER = CHAPTER_TICKER.replace('@interval 2000', '@interval 1000');

// Unique host per test, so parallel workers never share node names on the signalling server.
let n = 0;
const host = () => `ui${process.pid}x${n++}`;

/**
 * A node whose links are declared down after `ticktime` seconds of silence (`?ticktime=`, as
 * `-kernel net_ticktime`), so a cut link gives nodedown within the test's time. Opened unnamed
 * first, then named by URL, so no name is registered twice.
 */
async function openWithTicktime(browser: Browser, sname: string, h: string, ticktime: number): Promise<PlaygroundNode> {
  const node = await openNode(browser, { host: h });
  await node.page.goto(`/?sname=${sname}&host=${h}&cookie=${KIT_COOKIE}&ticktime=${ticktime}`);
  await expect(node.page.getByRole('status', { name: 'signalling server' })).toContainText('registered');
  return node;
}

test('layout: the node card, the shell, the identity with its cookie hidden until revealed', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const { page } = one;
  await expect(page.getByRole('group', { name: `node one@${h}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'iex shell' })).toBeVisible();
  await expect(page.getByRole('log', { name: 'iex output' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'classroom controls' })).toBeVisible();
  await expect(page.getByTestId('node-name')).toHaveText(`one@${h}`);

  const reveal = page.getByRole('button', { name: 'reveal cookie' });
  await expect(page.getByTestId('node-cookie')).not.toContainText(KIT_COOKIE);
  await reveal.click();
  await expect(reveal).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('node-cookie')).toHaveText(KIT_COOKIE);

  // The shell keeps focus after a command; the canvas's process tiles are buttons named by PID.
  expect(await one.iex('self()')).toMatch(/^#PID<0\.\d+\.0>$/);
  await expect(one.input).toBeFocused();
  await expect(page.getByRole('button', { name: /^#PID<0\.\d+\.0> :net_kernel$/ })).toBeVisible();
  await one.close();
});

test('start panel: an unnamed tab asks for a short name and a cookie, then becomes that node', async ({ browser }) => {
  const h = host();
  const tab = await openNode(browser, { host: h });
  const { page } = tab;
  const panel = page.getByRole('region', { name: 'start a node' });
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('node-name')).toHaveText('nonode@nohost');
  await expect(panel.getByRole('button', { name: 'start node' })).toBeDisabled();
  await panel.getByRole('textbox', { name: 'short name' }).fill('alice');
  await panel.getByLabel('cookie', { exact: true }).fill('oatmeal');
  await expect(panel).toContainText('iex --sname alice --cookie ••••••');
  await panel.getByRole('button', { name: 'show cookie' }).click();
  await expect(panel).toContainText('iex --sname alice --cookie oatmeal');
  await panel.getByRole('button', { name: 'start node' }).click();

  await expect(page).toHaveURL(new RegExp(`sname=alice.*host=${h}|host=${h}.*sname=alice`));
  await expect(page.getByTestId('node-name')).toHaveText(`alice@${h}`);
  await expect(page.getByRole('status', { name: 'signalling server' })).toContainText('registered');
  expect(await tab.iex('Node.get_cookie')).toBe(':oatmeal');
  await tab.close();
});

test('node list: a named tab connects to a node the signalling server knows', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  const list = one.page.getByRole('region', { name: 'known nodes' });
  await list.getByRole('button', { name: `connect two@${h}` }).click({ timeout: 10_000 });
  await one.waitForOutput(`Node.connect :"two@${h}"`);
  await expect.poll(() => one.iex('Node.list'), { timeout: 15_000 }).toContain(`[:two@${h}]`); // Node.connect's `true` may come first
  // The canvas shows the other node and the connection, up.
  await expect(one.page.getByRole('group', { name: `node two@${h}` })).toBeVisible();
  await expect(one.page.getByRole('group', { name: `connection one@${h} – two@${h} (up)` })).toBeAttached();
  await expect(list.getByRole('button', { name: `connect two@${h}` })).toHaveText('Connected');
  await one.close();
  await two.close();
});

test('classroom: Ticker on one tab, clients on two others, messages on the canvas, a cut link gives nodedown', async ({ browser }) => {
  test.setTimeout(180_000);
  const h = host();
  const one = await openWithTicktime(browser, 'one', h, 3);
  const two = await openWithTicktime(browser, 'two', h, 3);
  const three = await openWithTicktime(browser, 'three', h, 3);
  for (const client of [two, three]) expect(await client.iex(`Node.connect :"one@${h}"`)).toBe('true');
  for (const node of [one, two, three]) await node.iex(TICKER, { timeout: 20_000 });
  expect(await one.iex('Ticker.start')).toMatch(/^:yes$/m); // ticks may follow at once
  for (const client of [two, three]) await expect.poll(() => client.iex('is_pid(:global.whereis_name(:ticker))'), { timeout: 20_000 }).toBe('true');
  await two.iex('Client.start');
  await three.iex('Client.start');
  await expect.poll(async () => ((await one.transcript()).match(/^registering #PID<[1-9]\d*\.\d+\.\d+>$/gm) ?? []).length).toBe(2);
  for (const client of [two, three]) await client.waitForOutput('tock in client', { timeout: 10_000 });

  // The Ticker's cluster on the projector tab: both clients' nodes, connected.
  for (const name of [`two@${h}`, `three@${h}`]) {
    await expect(one.page.getByRole('group', { name: `connection one@${h} – ${name} (up)` })).toBeAttached();
  }
  // Messages on the canvas: a client that never reads its mailbox shows the ticks piling up.
  const deaf = (await two.iex('deaf = spawn(fn -> receive do :never -> :ok end end)')).match(/#PID<0\.\d+\.0>/)?.[0] ?? 'no pid';
  await two.iex('Ticker.register(deaf)');
  const tile = two.page.getByRole('button', { name: deaf });
  await expect(tile).toBeVisible();
  await expect(tile.getByTitle(/^\d+ messages? in the mailbox$/)).toBeVisible({ timeout: 10_000 });
  await expect.poll(async () => Number(await tile.getByTitle(/in the mailbox/).textContent()), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

  // The projector's cluster view: the Ticker's tab shows the clients' processes, as it numbers them.
  await one.page.getByRole('button', { name: 'cluster view' }).click();
  await expect(one.page.getByRole('button', { name: /^#PID<[1-9]\d*\.\d+\.\d+>/ }).first()).toBeVisible({ timeout: 15_000 });

  // Cut one–two from the classroom controls: the link goes silent, ticks time out, nodedown.
  await one.iex(':net_kernel.monitor_nodes(true)');
  await one.page.getByRole('button', { name: `cut two@${h}` }).click();
  await expect.poll(() => one.iex('flush()'), { timeout: 20_000 }).toContain(`{:nodedown, :two@${h}}`);
  // No longer up (three's :global may already be trying to reconnect them: handshaking, refused).
  await expect(one.page.getByRole('group', { name: new RegExp(`^connection one@${h} – two@${h} \\((down|handshaking|refused)`) })).toBeAttached();
  expect(await one.iex('Node.list')).not.toContain(`two@${h}`);
  // Three never lost the Ticker.
  const tocks = ((await three.transcript()).match(/^tock in client$/gm) ?? []).length;
  await expect.poll(async () => ((await three.transcript()).match(/^tock in client$/gm) ?? []).length, { timeout: 10_000 }).toBeGreaterThan(tocks);
  for (const node of [one, two, three]) await node.close();
});

