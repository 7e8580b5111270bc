// The inspector (issue 5): a connection's handshake steps (the way to explain a cookie refusal),
// :global names as labels, remote processes looked into over distribution, and the canvas by keyboard.
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';
import { twoTabsAndAProcess } from './remote-process.ts';

// Unique host per test, so parallel workers never share node names on the signalling server.
let n = 0;
const host = () => `insp${process.pid}x${n++}`;

test('connection inspector: a cookie refusal step by step on both sides, then a handshake that succeeds', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const three = await openNode(browser, { sname: 'three', host: h, cookie: 'oatmeal' });
  expect(await three.iex(`Node.connect :"one@${h}"`)).toBe('false');
  await one.waitForOutput('Invalid challenge reply');

  // The caller: its reply went out, then the other side closed the connection.
  const edge = three.page.getByRole('group', { name: new RegExp(`^connection three@${h} – one@${h} \\(refused`) });
  await edge.click();
  const inspector = three.page.getByRole('complementary', { name: 'inspector' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(`connection three@${h} – one@${h}`);
  const attempt = inspector.getByRole('region', { name: 'handshake 1' });
  await expect(attempt).toContainText('this node called');
  await expect(attempt).toContainText('refused');
  await expect(attempt.getByRole('listitem')).toHaveText([
    /send_name\s*→ out\s*sent/, /status\s*← in\s*ok/, /challenge\s*← in\s*ok/, /challenge_reply\s*→ out\s*sent/,
  ]);
  await expect(attempt).toContainText('refused the cookie');

  // The called side: the reply came in invalid.
  await one.page.getByRole('group', { name: new RegExp(`^connection one@${h} – three@${h} \\(refused`) }).click();
  const called = one.page.getByRole('complementary', { name: 'inspector' }).getByRole('region', { name: 'handshake 1' });
  await expect(called).toContainText('this node was called');
  await expect(called).toContainText('refused: bad_challenge_reply');
  await expect(called.getByRole('listitem').last()).toHaveText(/challenge_reply\s*← in\s*invalid/);
  await expect(called).toContainText('different cookies');

  // The right cookie for one: all five steps, up. The inspector follows the new attempt.
  await three.iex(`Node.set_cookie(:"one@${h}", :"chocolate-chip-1")`);
  expect(await three.iex(`Node.connect :"one@${h}"`)).toBe('true');
  const second = inspector.getByRole('region', { name: 'handshake 2' });
  await expect(second).toContainText(': up');
  await expect(second.getByRole('listitem')).toHaveCount(5);
  await expect(second.getByRole('listitem').last()).toHaveText(/challenge_ack\s*← in\s*ok/);
  await inspector.getByRole('button', { name: 'close inspector' }).click();
  await expect(inspector).toHaveCount(0);
  await one.close();
  await three.close();
});

test(':global names label the process on every tab; a remote process is inspected over distribution', async ({ browser }) => {
  const h = host();
  const { one, two, id } = await twoTabsAndAProcess(browser, h, 'ticker');
  await expect(two.page.getByRole('button', { name: `#PID<0.${id}.0> {:global, :ticker}` })).toBeVisible();

  // One shows two's processes in the cluster view, numbered as one numbers them, with the name.
  await one.page.getByRole('button', { name: 'cluster view' }).click();
  const remote = one.page.getByRole('button', { name: new RegExp(`^#PID<[1-9]\\d*\\.${id}\\.0> \\{:global, :ticker\\}$`) });
  await expect(remote).toBeVisible({ timeout: 15_000 });
  const k = /^#PID<(\d+)\./.exec((await remote.getAttribute('aria-label')) ?? '')?.[1];

  // Its inspector on one: Process.info fetched from two over distribution, pids in one's numbering.
  expect(await two.iex('send(pid, {:hello, self()})')).toMatch(/^\{:hello, #PID<0\.\d+\.0>\}$/);
  await remote.click();
  const inspector = one.page.getByRole('complementary', { name: 'inspector' });
  const row = (label: string) => inspector.locator(`xpath=.//dt[.="${label}"]/following-sibling::dd[1]`);
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(`#PID<${k}.${id}.0> {:global, :ticker}`);
  await expect(inspector).toContainText('global name');
  await expect(inspector.getByRole('region', { name: 'mailbox messages' })).toContainText(new RegExp(`\\{:hello, #PID<${k}\\.\\d+\\.0>\\}`), { timeout: 10_000 });
  await expect(row(`PID on two@${h}`)).toHaveText(`#PID<0.${id}.0>`);
  await expect(row('status')).toHaveText('waiting');
  await expect(row('current function')).not.toHaveText('unknown');
  await expect(row('mailbox')).toHaveText('1');
  await expect(row('group leader')).toHaveText(new RegExp(`^#PID<${k}\\.\\d+\\.0>$`));
  await expect(row('reductions')).toHaveText(/^\d+$/);
  await one.close();
  await two.close();
});

test('keyboard: Tab reaches processes and connections, Enter opens the inspector, Escape closes it and focus returns', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  expect(await one.iex(`Node.connect :"two@${h}"`)).toBe('true');
  const { page } = one;
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
  /** Presses Tab until the focused element's accessible name matches (at most `max` times). */
  const tabTo = async (re: RegExp, max = 80) => {
    for (let i = 0; i < max; i++) {
      if (re.test(await focusedName())) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${re}; last: ${await focusedName()}`);
  };
  const inspector = page.getByRole('complementary', { name: 'inspector' });

  // From the controls above the canvas, Tab walks into it: first a connection, then the processes.
  await page.getByRole('toolbar', { name: 'classroom controls' }).getByRole('button').first().focus();
  await tabTo(new RegExp(`^connection one@${h} – two@${h} \\(up\\)$`));
  const edge = page.getByRole('group', { name: `connection one@${h} – two@${h} (up)` });
  await expect(edge).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(`connection one@${h} – two@${h}`);
  await expect(inspector.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(inspector.getByRole('region', { name: 'handshake 1' })).toContainText(': up');
  await page.keyboard.press('Escape');
  await expect(inspector).toHaveCount(0);
  await expect(edge).toBeFocused();

  await tabTo(/^#PID<0\.\d+\.0> :net_kernel$/);
  const tile = page.getByRole('button', { name: /^#PID<0\.\d+\.0> :net_kernel$/ });
  await expect(tile).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(/:net_kernel$/);
  await expect(tile).toHaveAttribute('aria-pressed', 'true');
  // Tab goes on into the inspector's actions; Escape from there closes it, back on the tile.
  await page.keyboard.press('Tab');
  await expect(inspector.getByRole('button', { name: 'close inspector' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(inspector).toHaveCount(0);
  await expect(tile).toBeFocused();
  // Space opens it too; the close button closes it and gives focus back as well.
  await page.keyboard.press(' ');
  await inspector.getByRole('button', { name: 'close inspector' }).click();
  await expect(inspector).toHaveCount(0);
  await expect(tile).toBeFocused();
  await one.close();
  await two.close();
});

test('projector: at 1280×720 and 1920×1080 the cluster fits, labels are 12 px or more, the node table covers no card', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  const three = await openNode(browser, { sname: 'three', host: h });
  for (const node of [two, three]) expect(await node.iex(`Node.connect :"one@${h}"`)).toBe('true');
  expect(await one.iex('ticker = spawn(fn -> receive do :never -> :ok end end)')).toMatch(/^#PID<0\.\d+\.0>$/);
  expect(await one.iex(':global.register_name(:ticker, ticker)')).toBe(':yes');
  const { page } = one;
  await page.getByRole('button', { name: 'cluster view' }).click();
  // Both other nodes' processes are on the canvas.
  for (const k of [1, 2]) await expect(page.getByRole('button', { name: new RegExp(`^#PID<${k}\\.\\d+\\.0> :net_kernel$`) })).toBeVisible({ timeout: 15_000 });

  const measure = () => page.evaluate(() => {
    const rect = (el: Element) => el.getBoundingClientRect();
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport') as HTMLElement).transform).a;
    const labels = [...document.querySelectorAll('.react-flow__node-cluster button[data-key] > span.font-mono')];
    const minLabelPx = Math.min(...labels.map((s) => parseFloat(getComputedStyle(s).fontSize) * zoom));
    const canvas = rect(document.querySelector('.react-flow') as Element);
    const legend = rect(document.querySelector('[aria-label="node table"]') as Element);
    const cards = [...document.querySelectorAll('.react-flow__node-cluster')].map(rect);
    const inside = cards.every((c) => c.left >= canvas.left - 1 && c.right <= canvas.right + 1 && c.top >= canvas.top - 1 && c.bottom <= canvas.bottom + 1);
    const covered = cards.some((c) => c.left < legend.right && c.right > legend.left && c.top < legend.bottom && c.bottom > legend.top);
    return { cards: cards.length, inside, covered, readable: minLabelPx >= 12 };
  });
  // At 1280×720 the classroom toolbar (message speed, pause, faults for two peers) and the node
  // table with the token colours leave the canvas too short for 12 px labels: projector mode,
  // which folds the shell and the controls, is what a teacher uses there. 1920×1080 fits as is.
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    const projector = page.getByRole('button', { name: 'projector mode' });
    if ((await projector.getAttribute('aria-pressed')) !== String(viewport.width === 1280)) await projector.click();
    await page.setViewportSize(viewport);
    // The canvas fits itself again after the resize (an animated fit): poll until it settled.
    await expect.poll(measure, { timeout: 20_000 }).toEqual({ cards: 3, inside: true, covered: false, readable: true });
  }
  for (const node of [one, two, three]) await node.close();
});
