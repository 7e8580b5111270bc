// Issue 11, "truthful lifecycle": a closed tab is `down: node closed` however often it is
// retried, its successful handshake stays in the inspector, a down card can be dismissed and goes
// by itself after a minute; a cut shows at once.
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';
import { LOADED_MS } from './speed.ts';

let n = 0;
const host = () => `lc${process.pid}x${n++}`;

test('a closed tab stays `down: node closed` through failed retries, keeps its handshake, can be dismissed, and goes by itself', async ({ browser }) => {
  test.setTimeout(180_000);
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  const three = await openNode(browser, { sname: 'three', host: h });
  expect(await one.iex(`Node.connect :"two@${h}"`)).toBe('true');
  expect(await one.iex(`Node.connect :"three@${h}"`)).toBe('true');
  const page = one.page;
  await expect(page.getByRole('group', { name: `connection one@${h} – two@${h} (up)` })).toBeAttached();

  await two.close();
  const down = page.getByRole('group', { name: `connection one@${h} – two@${h} (down: node closed)` });
  // The kit's close() closes the page first, so its pagehide closes its data channels at once, as
  // a student's closed tab does; should it not run, ICE's own timeout tells within 45 s.
  await expect(down).toBeAttached({ timeout: 45_000 });
  // A Ticker still sending there: each send tries to connect again, and fails.
  await one.iex(`for _ <- 1..7, do: (send({:box, :"two@${h}"}, :tick); Process.sleep(300))`, { timeout: 30_000 });
  await expect(down).toBeAttached();
  await expect(page.getByRole('group', { name: new RegExp(`^connection one@${h} – two@${h} \\(refused`) })).toHaveCount(0);
  await expect(page.getByRole('group', { name: `node two@${h}` })).toContainText('down: node closed');

  // The inspector shows the retries refused, and still the handshake that once succeeded.
  await down.click();
  const inspector = page.getByRole('complementary', { name: 'inspector' });
  await expect(inspector).toContainText('refused: connection_setup_failed');
  await expect(inspector.getByRole('region', { name: 'handshake 1' })).toContainText(': up');
  await inspector.getByRole('button', { name: 'close inspector' }).click();

  // Dismissed: the card goes at once, and the retries do not bring it back.
  await page.getByRole('button', { name: `dismiss two@${h}` }).click();
  await expect(page.getByRole('group', { name: `node two@${h}` })).toHaveCount(0);
  await one.iex(`send({:box, :"two@${h}"}, :tick)`);
  await page.waitForTimeout(1_000);
  await expect(page.getByRole('group', { name: `node two@${h}` })).toHaveCount(0);

  // Not dismissed: gone by itself a minute after it went down.
  await three.close();
  // Usually at once; in one CI run of the merged main not within 15 s (the closing tab's data
  // channel close did not reach us; ICE's own timeout then tells). Open finding in the note.
  await expect(page.getByRole('group', { name: `connection one@${h} – three@${h} (down: node closed)` })).toBeAttached({ timeout: 45_000 });
  await expect(page.getByRole('group', { name: `node three@${h}` })).toHaveCount(0, { timeout: 80_000 });
  await one.close();
});

test('a cut shows `cut` on the edge at once, not `up` until the tick timeout; heal shows `up` again', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  expect(await one.iex(`Node.connect :"two@${h}"`)).toBe('true');
  const page = one.page;
  await expect(page.getByRole('group', { name: `connection one@${h} – two@${h} (up)` })).toBeAttached();
  await page.getByRole('button', { name: `cut two@${h}` }).click();
  // Far sooner than the tick timeout (net_ticktime 60 s: declared down after 45–75 s); within
  // what a loaded page takes to show a click (LOADED_MS, 15 s).
  await expect(page.getByRole('group', { name: `connection one@${h} – two@${h} (cut)` })).toBeAttached({ timeout: LOADED_MS });
  await expect(page.getByRole('group', { name: `node two@${h}` })).toContainText('cut');
  await page.getByRole('button', { name: `heal two@${h}` }).click();
  await expect(page.getByRole('group', { name: `connection one@${h} – two@${h} (up)` })).toBeAttached({ timeout: LOADED_MS });
  expect(await one.iex('Node.list')).toBe(`[:two@${h}]`);
  await one.close();
  await two.close();
});
