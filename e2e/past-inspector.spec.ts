// Issue 14 §1 (note-s6's leftovers): away from live, a tile of the past canvas opens the
// inspector of the past (the process as the recording knew it at that step, marked as past), and
// `step forward` stops at the last recorded step (only `live` follows now), keyboard too.
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';

let n = 0;
const host = () => `pin${process.pid}x${n++}`;

test('away from live a tile opens the inspector of the past: pid, mailbox, links, monitors, status, then its exit reason', async ({ browser }) => {
  const one = await openNode(browser, { sname: 'one', host: host() });
  const a = await one.iex('a = spawn(fn -> receive do :go -> :ok end end)');
  const b = await one.iex('b = spawn(fn -> Process.link(a); Process.monitor(a); receive do :never -> :ok end end)');
  await one.iex('send a, :hold_this');
  expect(await one.iex('Process.exit(a, :kill)')).toBe('true');
  const card = one.page.getByRole('group', { name: `node ${one.name}` });
  const tileA = card.getByRole('button', { name: a, exact: true });
  const tileB = card.getByRole('button', { name: b, exact: true });
  await expect(tileA).toHaveCount(0, { timeout: 15_000 });
  await expect(tileB).toHaveCount(0, { timeout: 15_000 });
  const events = await one.trace();
  const exit = events.findIndex((e) => e.kind === 'exit' && e.pidText === a);
  expect(exit).toBeGreaterThan(0);

  // A step before a's exit: its tile opens the inspector of the past.
  const slider = one.page.getByRole('slider', { name: 'timeline' });
  await slider.fill(String(exit - 1));
  await expect(one.page.locator('[data-past="true"]').first()).toBeVisible();
  await tileA.click();
  const inspector = one.page.getByRole('complementary', { name: 'inspector' });
  await expect(inspector.getByRole('note')).toHaveText(new RegExp(`^In the past: as at step ${exit} of \\d+ of the recording`));
  const row = (label: string) => inspector.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  await expect(row('PID')).toHaveText(a);
  await expect(row('status')).toHaveText('alive');
  await expect(row('mailbox')).toHaveText('1');
  await expect(inspector.getByRole('region', { name: 'mailbox messages' }).getByRole('listitem')).toHaveText([':hold_this']);
  await expect(row('links')).toHaveText(b);
  await expect(row('monitored by')).toHaveText(b);
  // No actions on the past.
  await expect(inspector.getByRole('button', { name: 'Kill' })).toHaveCount(0);

  // The monitoring process (its tile may lie under the panel: close it first): it links and monitors a.
  const close = inspector.getByRole('button', { name: 'close inspector' });
  await close.click();
  await expect(inspector).toHaveCount(0);
  await tileB.click();
  await expect(row('PID')).toHaveText(b);
  await expect(row('monitors')).toHaveText(a);
  await expect(row('links')).toHaveText(a);

  // At a's exit step, a's inspector (kept open across steps) gives its reason.
  await close.click();
  await tileA.click();
  await slider.fill(String(exit));
  await expect(inspector.getByRole('note')).toContainText(`step ${exit + 1} of`);
  await expect(row('status')).toHaveText('exited (:killed)');

  // Live: the inspector of the past closes with the past canvas.
  await one.page.getByRole('button', { name: 'live', exact: true }).click();
  await expect(one.page.locator('[data-past="true"]')).toHaveCount(0);
  await expect(inspector).toHaveCount(0);
  await one.close();
});

test('step forward onto the last recorded step stays there, keyboard too; only live follows now', async ({ browser }) => {
  const one = await openNode(browser, { sname: 'one', host: host() });
  await one.iex('pid = spawn(fn -> receive do :go -> :ok end end)');
  await one.iex('send pid, :hold_this');
  const slider = one.page.getByRole('slider', { name: 'timeline' });
  const live = one.page.getByRole('button', { name: 'live', exact: true });
  const forward = one.page.getByRole('button', { name: 'step forward' });
  await one.page.getByRole('button', { name: 'step back' }).click();
  await expect(live).toHaveAttribute('aria-pressed', 'false');
  const count = Number(/of (\d+)$/u.exec((await slider.getAttribute('aria-valuetext')) ?? '')?.[1]);
  await slider.fill(String(count - 2));
  await forward.click();
  // The last step, still in the past: the canvas and the panel say so, forward goes no further.
  await expect(slider).toHaveAttribute('aria-valuetext', `step ${count} of ${count}`);
  await expect(live).toHaveAttribute('aria-pressed', 'false');
  await expect(one.page.getByRole('region', { name: 'cluster at this step' })).toBeVisible();
  await expect(forward).toBeDisabled();
  // Keyboard: a step back and forward again with the arrows, End: still the last step, still past.
  await slider.focus();
  await one.page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', `step ${count - 1} of ${count}`);
  await one.page.keyboard.press('ArrowRight');
  await one.page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', `step ${count} of ${count}`);
  await expect(live).toHaveAttribute('aria-pressed', 'false');
  await expect(one.page.locator('[data-past="true"]').first()).toBeVisible();
  await live.click();
  await expect(live).toHaveAttribute('aria-pressed', 'true');
  await expect(one.page.locator('[data-past="true"]')).toHaveCount(0);
  await one.close();
});
