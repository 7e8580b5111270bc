/**
 * Readable on a projector (issue 11, build 7), measured in a real browser over real tabs: no
 * text under 14 px at 1920×1080 (canvas text counted at the canvas's zoom), connection labels
 * never under a card, the classroom toolbar's rows all visible with three peers, the inspector
 * over (not beside) the canvas at 1280 wide, remote cards with the cluster view off saying how
 * to see their processes, a truncated name's full text in a tooltip, and a projector mode that
 * gives the canvas the whole screen.
 */
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openNode, type PlaygroundNode } from './kit.ts';

let n = 0;
const host = () => `pj${process.pid}x${n++}`;

/** `one` and `peers` other tabs, each connected to one. */
async function classroom(browser: Browser, peers: number): Promise<{ h: string; one: PlaygroundNode; others: PlaygroundNode[] }> {
  // Four tabs opened one after the other: at load 41 (a clean-clone run) that alone took 60 s.
  test.setTimeout(120_000);
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const others: PlaygroundNode[] = [];
  for (const name of ['two', 'three', 'four'].slice(0, peers)) {
    const node = await openNode(browser, { sname: name, host: h });
    expect(await node.iex(`Node.connect :"one@${h}"`)).toBe('true');
    others.push(node);
  }
  await expect.poll(() => one.iex('length(Node.list)'), { timeout: 15_000 }).toBe(String(peers));
  return { h, one, others };
}

/** Every visible piece of text smaller than 14 px on screen (canvas text at the canvas's zoom). */
function smallText(page: Page) {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    const zoom = viewport === null ? 1 : new DOMMatrix(getComputedStyle(viewport).transform).a;
    const small: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t !== null; t = walker.nextNode()) {
      const el = t.parentElement;
      if (el === null || (t.textContent ?? '').trim() === '') continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || el.closest('[hidden], [aria-hidden="true"]') !== null) continue;
      if (box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
      const px = parseFloat(style.fontSize) * (viewport?.contains(el) === true ? zoom : 1);
      if (px < 13.95) small.push(`${(t.textContent ?? '').trim().slice(0, 30)} (${el.tagName.toLowerCase()}.${el.getAttribute('class')?.split(' ').slice(0, 3).join('.') ?? ''}): ${px.toFixed(1)} px`);
    }
    return small;
  });
}

test('at 1920×1080 no text on the page is under 14 px, canvas and inspector included', async ({ browser }) => {
  const { h, one, others } = await classroom(browser, 2);
  expect(await one.iex('ticker = spawn(fn -> receive do :never -> :ok end end)')).toMatch(/^#PID<0\.\d+\.0>$/);
  expect(await one.iex(':global.register_name(:ticker, ticker)')).toBe(':yes');
  expect(await one.iex('send(ticker, :waiting); Process.register(ticker, :a_rather_long_name)')).toBe('true');
  const { page } = one;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole('button', { name: 'cluster view' }).click();
  for (const k of [1, 2]) await expect(page.getByRole('button', { name: new RegExp(`^#PID<${k}\\.\\d+\\.0> :net_kernel$`) })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTitle('1 message in the mailbox').or(page.getByTitle(/messages in the mailbox/)).first()).toBeVisible();
  // The canvas fits itself after each change (an animated fit): poll until it settled.
  await expect.poll(() => smallText(page), { timeout: 20_000 }).toEqual([]);
  await page.getByRole('button', { name: /:a_rather_long_name$/ }).click();
  await expect(page.getByRole('complementary', { name: 'inspector' })).toBeVisible();
  await expect.poll(() => smallText(page), { timeout: 20_000 }).toEqual([]);
  for (const node of [one, ...others]) await node.close();
  void h;
});

test('connection labels are never under a card, even beside a tall card', async ({ browser }) => {
  const { one, others } = await classroom(browser, 3);
  // A tall local card: the midpoint between its centre and the card under it falls inside it.
  expect(await one.iex('for _ <- 1..15, do: spawn(fn -> receive do :never -> :ok end end); :ok')).toBe(':ok');
  const { page } = one;
  await page.setViewportSize({ width: 1920, height: 1080 });
  const overlaps = () => page.evaluate(() => {
    const cards = [...document.querySelectorAll('.react-flow__node-cluster')].map((c) => ({ name: c.getAttribute('aria-label'), r: c.getBoundingClientRect() }));
    const labels = [...document.querySelectorAll('.react-flow__edge.connection .react-flow__edge-textwrapper')].map((l) => ({ text: l.textContent, r: l.getBoundingClientRect() }));
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
    return { labels: labels.length, under: labels.flatMap((l) => cards.filter((c) => hit(l.r, c.r)).map((c) => `${l.text} under ${c.name}`)) };
  });
  await expect.poll(overlaps, { timeout: 20_000 }).toEqual({ labels: 3, under: [] });
  for (const node of [one, ...others]) await node.close();
});

test('with three peers every row of the classroom toolbar is fully visible, at 1280 and 1920 wide', async ({ browser }) => {
  const { h, one, others } = await classroom(browser, 3);
  const { page } = one;
  for (const width of [1280, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    for (const peer of ['two', 'three', 'four']) {
      const close = page.getByRole('button', { name: `close ${peer}@${h}` });
      await expect(close).toBeVisible();
      // Not cut by a scroll box: the button's whole box is on top where it is drawn (polled: the
      // toolbar lays itself out again after the resize).
      const shown = () => close.evaluate((b) => {
        const r = b.getBoundingClientRect();
        const [cx, cy] = [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
        // The middle of each edge (a rounded corner is not the button's to hit).
        const points = [[cx, r.top + 2], [cx, r.bottom - 2], [r.left + 2, cy], [r.right - 2, cy]] as const;
        return points.every(([x, y]) => b.contains(document.elementFromPoint(x, y)));
      });
      await expect.poll(shown, { message: `close ${peer} at ${width}` }).toBe(true);
    }
  }
  for (const node of [one, ...others]) await node.close();
});

test('at 1280 wide the inspector opens over the canvas, which keeps at least 80 % of its width', async ({ browser }) => {
  const { one, others } = await classroom(browser, 1);
  const { page } = one;
  await page.setViewportSize({ width: 1280, height: 800 });
  const canvas = page.getByRole('application').or(page.locator('.react-flow')).first();
  const before = (await canvas.boundingBox())?.width ?? 0;
  await page.getByRole('button', { name: /^#PID<0\.\d+\.0> :net_kernel$/ }).click();
  await expect(page.getByRole('complementary', { name: 'inspector' })).toBeVisible();
  const after = (await canvas.boundingBox())?.width ?? 0;
  expect(before).toBeGreaterThan(600);
  expect(after / before).toBeGreaterThanOrEqual(0.8);
  for (const node of [one, ...others]) await node.close();
});

test('a remote card with the cluster view off says how to see its processes; turning it on shows them', async ({ browser }) => {
  const { h, one, others } = await classroom(browser, 1);
  const card = one.page.getByRole('group', { name: `node two@${h}` });
  await expect(card).toContainText('Cluster view');
  await expect(card).not.toContainText('0 processes');
  await one.page.getByRole('button', { name: 'cluster view' }).click();
  await expect(card).toContainText(/\d+ process/, { timeout: 15_000 });
  await expect(card).not.toContainText('0 processes');
  for (const node of [one, ...others]) await node.close();
});

test('a name cut on its tile has its full text in a tooltip, and a wider tile when the slot beside it is free', async ({ browser }) => {
  const { h, one, others } = await classroom(browser, 1);
  const { page } = one;
  // System processes folded; enough processes that the next one starts a row (three a row).
  await page.getByRole('checkbox', { name: 'show system processes' }).uncheck();
  const tiles = page.getByRole('group', { name: `node one@${h}` }).locator('button[data-key]');
  await expect(tiles.first()).toBeVisible();
  const extra = (3 - ((await tiles.count()) % 3)) % 3;
  if (extra > 0) expect(await one.iex(`for _ <- 1..${extra}, do: spawn(fn -> receive do :never -> :ok end end); :ok`)).toBe(':ok');
  expect(await one.iex('Process.register(spawn(fn -> receive do :never -> :ok end end), :a_much_longer_name_than_fits_a_tile)')).toBe('true');
  const tile = page.getByRole('button', { name: /:a_much_longer_name_than_fits_a_tile$/ });
  await expect(tile).toHaveAttribute('title', /:a_much_longer_name_than_fits_a_tile$/);
  // First of its row, the slot to its right empty: it takes it.
  const plain = page.getByRole('button', { name: /^#PID<0\.\d+\.0>$/ }).first();
  await expect.poll(async () => ((await tile.boundingBox())?.width ?? 0) / ((await plain.boundingBox())?.width ?? 1)).toBeGreaterThan(1.9);
  // The system tiles whose names the issue saw cut (`:global_name_s…`) are whole or titled.
  await page.getByRole('checkbox', { name: 'show system processes' }).check();
  const gns = page.getByRole('button', { name: /:global_name_server$/ });
  await expect(gns).toHaveAttribute('title', /:global_name_server$/);
  for (const node of [one, ...others]) await node.close();
});

test('projector mode gives the canvas the whole screen; the controls fold away and come back', async ({ browser }) => {
  const { one, others } = await classroom(browser, 1);
  const { page } = one;
  await page.setViewportSize({ width: 1920, height: 1080 });
  const canvas = page.locator('.react-flow').first();
  await page.getByRole('button', { name: 'projector mode' }).click();
  await expect(page.getByRole('button', { name: 'projector mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('region', { name: 'iex shell' })).toBeHidden();
  await expect(page.getByRole('toolbar', { name: 'classroom controls' })).toBeHidden();
  await expect.poll(async () => (await canvas.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(1900);
  await expect.poll(async () => (await canvas.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(900);
  // The controls come back on demand, the shell with the mode's end.
  await page.getByRole('button', { name: 'show controls' }).click();
  await expect(page.getByRole('toolbar', { name: 'classroom controls' })).toBeVisible();
  await page.getByRole('button', { name: 'projector mode' }).click();
  await expect(page.getByRole('region', { name: 'iex shell' })).toBeVisible();
  for (const node of [one, ...others]) await node.close();
});
